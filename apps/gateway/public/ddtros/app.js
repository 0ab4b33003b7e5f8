// The DDTRO desk: counts by status and the median time to grant as a chart, replacement numbers
// with a one-step application for orders on the chosen ones (NCLCC), and every application in
// scope with its provider deadline and the court's and provider's decisions, each confirmed.
import { ApiError, api } from '/common/assets/api.js';
import { barChart } from '/common/assets/bar-chart.js';
import { createConfirmDialog } from '/common/assets/confirm-dialog.js';
import { byId, cell, el } from '/common/assets/dom.js';
import { alert, failed, startPage } from '/common/assets/page-shell.js';
import { DESK_ROLES } from '/common/assets/roles.js';
import { formatWhen as when, localInputToIso } from '/common/assets/units.js';
import { deadlineState } from './deadline.js';

const STATUS_LABELS = {
  applied: 'Applied',
  granted: 'Granted',
  'provider-actioned': 'Provider actioned',
  refused: 'Refused',
};
const DEADLINE_LABELS = { overdue: 'Overdue', due: 'Due today', 'on-time': 'On time' };
const badge = (kind, text) => el('span', { className: `badge ${kind}` }, text);
const problemText = (e) =>
  e.problem.errors?.length
    ? e.problem.errors.map((x) => `${x.field}: ${x.message}`).join('; ')
    : e.problem.detail;

const DECISIONS = {
  grant: {
    from: 'applied',
    label: 'Grant',
    title: 'Record the grant',
    text: (d) =>
      `The court granted the order on ${d.number}. The provider then has 5 working days.`,
  },
  actioned: {
    from: 'granted',
    label: 'Provider actioned',
    title: 'Record provider action',
    text: (d) => `The provider cut off ${d.number}. The number is marked cut off on its line.`,
  },
  refuse: {
    from: 'applied',
    label: 'Refuse',
    title: 'Record the refusal',
    text: (d) => `The court refused the order on ${d.number}.`,
    reason: true,
  },
};

async function main() {
  const page = await startPage({ roles: DESK_ROLES, onSignedIn: (me) => showDesk(page, me) });
  await page.resume();
}

async function showDesk({ forceNames }, me) {
  const dialog = createConfirmDialog('decide-dialog');
  const forceName = (code) => forceNames.get(code) ?? code;

  async function showStats() {
    const s = await api.get('/api/v1/ddtros/stats');
    const median =
      s.medianFirstSeenToGrantedHours === null
        ? 'none granted yet'
        : `${s.medianFirstSeenToGrantedHours.toFixed(1)} hours`;
    const figures = [
      ['Applied', s.applied],
      ['Granted', s.granted],
      ['Provider actioned', s.actioned],
      ['Refused', s.refused],
      ['Provider deadline missed', s.providerOverdue],
    ];
    byId('stats-figures').replaceChildren(
      ...[...figures, ['Median time from number first seen to grant', median]].map(([k, v]) =>
        el('div', {}, el('dt', {}, k), el('dd', {}, String(v))),
      ),
    );
    byId('stats-chart').replaceChildren(
      barChart({
        title: 'Orders by status',
        items: figures.map(([label, value], i) => ({
          label,
          value,
          kind: i === 4 ? 'warning' : undefined,
        })),
      }),
    );
  }

  async function showReplacements() {
    const { items } = await api.get('/api/v1/ddtros/replacement-alerts?status=open');
    byId('replacements-rows').replaceChildren(
      ...(items.length
        ? items.map((a) => {
            const id = `choose-${a.id}`;
            const choose = el(
              'td',
              { className: 'select' },
              el('input', {
                type: 'checkbox',
                id,
                value: a.id,
                name: 'alert',
                attrs: { 'data-number': a.number },
              }),
              el('label', { htmlFor: id, className: 'visually-hidden' }, `Choose ${a.number}`),
            );
            const row = el(
              'tr',
              {},
              choose,
              cell(a.number),
              cell(a.brand),
              cell(forceName(a.recordedBy)),
              cell(when(a.raisedAt)),
              cell(a.numberStatus),
            );
            return row;
          })
        : [el('tr', {}, el('td', { colSpan: 6 }, 'No replacement numbers waiting.'))]),
    );
    byId('apply-selected').hidden = me.role !== 'nclcc' || items.length === 0;
  }

  async function applySelected() {
    const chosen = [...document.querySelectorAll('input[name=alert]:checked')];
    if (!chosen.length) {
      byId('apply-result').textContent = 'Choose at least one number first.';
      return;
    }
    const numbers = chosen.map((c) => c.dataset.number);
    await dialog.open({
      title: 'Apply for DDTROs',
      text: `Apply for an order on each of ${numbers.length} number${numbers.length === 1 ? '' : 's'}: ${numbers.join(', ')}.`,
      action: 'Apply for orders',
      path: '/api/v1/ddtros/replacement-applications',
      body: () => ({ alertIds: chosen.map((c) => c.value) }),
      done: (answer) => {
        const count = (o) => answer.results.filter((r) => r.outcome === o).length;
        byId('apply-result').textContent =
          `${count('applied')} applied, ${count('already-applied')} already applied, ` +
          `${count('not-applicable')} not applicable, ${count('not-found')} not found.`;
      },
    });
    await refresh();
  }

  function decisionButtons(d) {
    if (d.status === 'refused' || d.status === 'provider-actioned') return [];
    return Object.entries(DECISIONS)
      .filter(([, m]) => m.from === d.status)
      .map(([decision, m]) => {
        const button = el(
          'button',
          {
            type: 'button',
            className: 'button small secondary',
            attrs: { 'aria-label': `${m.label}: ${d.number}` },
          },
          m.label,
        );
        button.addEventListener('click', async () => {
          await dialog.open({
            title: m.title,
            text: m.text(d),
            action: m.label,
            path: `/api/v1/ddtros/${encodeURIComponent(d.id)}/${decision}`,
            fields: [
              {
                name: 'at',
                label: 'When (optional)',
                hint: 'Your local time, if earlier than now; empty means now',
                kind: 'datetime-local',
              },
              ...(m.reason
                ? [
                    {
                      name: 'reason',
                      label: 'Reason',
                      hint: 'Why the court refused. No names or other personal details.',
                      kind: 'textarea',
                      required: 'Enter why the court refused the order',
                    },
                  ]
                : []),
            ],
            body: (v) => ({
              ...(v.at && { at: localInputToIso(v.at) }),
              ...(v.reason && { reason: v.reason }),
            }),
            done: () => alert(''),
          });
          await refresh();
        });
        return button;
      });
  }

  function orderRow(d) {
    const state = deadlineState(d);
    const deadline = cell(when(d.providerDeadline));
    if (state) deadline.append(' ', badge(state, DEADLINE_LABELS[state]));
    const status = el('td', {}, badge(d.status, STATUS_LABELS[d.status]));
    if (d.refusalReason) status.append(el('span', { className: 'meta' }, d.refusalReason));
    const row = el(
      'tr',
      { className: state === 'overdue' ? 'is-overdue' : '' },
      cell(d.number),
      cell(d.brand ?? '—'),
      status,
      cell(when(d.appliedAt)),
      deadline,
      el('td', { className: 'actions' }, ...decisionButtons(d)),
    );
    return row;
  }

  async function showOrders() {
    const status = byId('orders-status-filter').value;
    const { items } = await api.get(`/api/v1/ddtros?limit=200${status ? `&status=${status}` : ''}`);
    byId('orders-rows').replaceChildren(...items.map(orderRow));
    const due = items.filter((d) => deadlineState(d) === 'due').length;
    const overdue = items.filter((d) => deadlineState(d) === 'overdue').length;
    byId('orders-status').textContent =
      `Showing ${items.length} order${items.length === 1 ? '' : 's'}; ` +
      `${overdue} past the provider deadline, ${due} due today.`;
  }

  async function refresh() {
    try {
      await Promise.all([showStats(), showReplacements(), showOrders()]);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      alert(problemText(e));
    }
  }

  byId('apply-selected').onclick = () => applySelected();
  byId('orders-filter').onsubmit = (e) => {
    e.preventDefault();
    void refresh();
  };
  await refresh();
}

main().catch(failed);
