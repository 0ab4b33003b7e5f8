// The deconfliction inbox: alerts in scope with their status, region and last step; the NCLCC
// acknowledges, resolves with a note and hands alerts to a region, whose coordinator then
// acknowledges and resolves them. Each step is confirmed in a dialog and sent once.
import { ApiError, api } from '/common/assets/api.js';
import { createConfirmDialog } from '/common/assets/confirm-dialog.js';
import { landOn, LINKED, linkedCue, linkedId } from '/common/assets/deep-link.js';
import { byId, cell, el } from '/common/assets/dom.js';
import { alert as pageAlert, failed, startPage } from '/common/assets/page-shell.js';
import { DESK_ROLES } from '/common/assets/roles.js';
import { formatWhen as when } from '/common/assets/units.js';
import { lastStep, STEP_LABELS, stepsFor } from './alert-steps.js';

const KIND_LABELS = { number: 'Deal number', holder: 'Line holder' };

async function main() {
  const page = await startPage({ roles: DESK_ROLES, onSignedIn: (me) => showInbox(page, me) });
  await page.resume();
}

async function showInbox({ forceNames, regions, regionNames }, me) {
  const dialog = createConfirmDialog('step-dialog');
  const forceName = (code) => forceNames.get(code) ?? code;
  const regionName = (code) => (code ? (regionNames.get(code) ?? code) : '—');
  // A link from the inbox names an alert (`?alert=`): shown whatever its status, picked out once.
  const linked = linkedId(location.search, 'alert');
  let landed = false;

  const FORMS = {
    acknowledge: () => ({ fields: [], text: 'You take this alert on.' }),
    resolve: () => ({
      text: 'Record how the forces settled it.',
      fields: [
        {
          name: 'note',
          label: 'Note',
          hint: 'What was agreed, up to 1,000 characters. No names or other personal details.',
          kind: 'textarea',
          required: 'Enter what the forces agreed',
        },
      ],
    }),
    'hand-to-region': () => ({
      text: 'The region’s coordinator may then acknowledge and resolve it.',
      fields: [
        {
          name: 'region',
          label: 'Region',
          kind: 'select',
          options: regions.map((r) => [r.code, r.name]),
        },
      ],
    }),
  };

  function stepButton(a, step) {
    const matched = `${KIND_LABELS[a.kind]} ${a.value}`;
    const button = el(
      'button',
      {
        type: 'button',
        className: 'button small secondary',
        attrs: { 'aria-label': `${STEP_LABELS[step]}: ${matched}` },
      },
      STEP_LABELS[step],
    );
    button.addEventListener('click', async () => {
      const form = FORMS[step]();
      await dialog.open({
        title: `${STEP_LABELS[step]} alert`,
        text: `${matched}, recorded by ${a.forces.map(forceName).join(' and ')}. ${form.text}`,
        action: STEP_LABELS[step],
        path: `/api/v1/deconfliction/alerts/${encodeURIComponent(a.id)}/${step}`,
        fields: form.fields,
        body: (v) => v,
        done: (after) => {
          byId('alerts-status').textContent =
            `${matched}: ${after.status}${after.region ? `, with ${regionName(after.region)}` : ''}.`;
        },
      });
      await show(false);
      byId('alerts-heading').focus();
    });
    return button;
  }

  function alertRow(a) {
    const step = lastStep(a);
    const status = el('td', {}, el('span', { className: `badge ${a.status}` }, a.status));
    if (a.resolutionNote) status.append(el('span', { className: 'meta' }, a.resolutionNote));
    const isLinked = a.id === linked;
    const tr = el(
      'tr',
      { className: isLinked ? LINKED : '' },
      el(
        'td',
        {},
        a.value,
        el('span', { className: 'meta' }, `${KIND_LABELS[a.kind]}, ${a.lineIds.length} lines`),
        isLinked && linkedCue('alert'),
      ),
      cell(a.forces.map(forceName).join(', ')),
      status,
      cell(regionName(a.region)),
      el(
        'td',
        {},
        `${step.name} ${when(step.at)}`,
        step.by ? el('span', { className: 'meta' }, `by ${step.by}`) : null,
      ),
      el('td', { className: 'actions' }, ...stepsFor(a, me).map((s) => stepButton(a, s))),
    );
    tr.dataset.id = a.id;
    return tr;
  }

  async function show(announce = true) {
    const params = new URLSearchParams({ limit: '200' });
    for (const name of ['status', 'kind']) {
      const v = byId('alerts-filter').elements.namedItem(name).value;
      if (v) params.set(name, v);
    }
    try {
      const { items } = await api.get(`/api/v1/deconfliction/alerts?${params}`);
      byId('alerts-rows').replaceChildren(
        ...(items.length
          ? items.map(alertRow)
          : [el('tr', {}, el('td', { colSpan: 6 }, 'No alerts to show.'))]),
      );
      if (announce)
        byId('alerts-status').textContent =
          `Showing ${items.length} alert${items.length === 1 ? '' : 's'}`;
      const linkedRow = linked && byId('alerts-rows').querySelector(`tr.${LINKED}`);
      if (linkedRow && !landed) {
        landed = true;
        landOn(linkedRow.querySelector('td'));
      } else if (linked && !landed && announce)
        byId('alerts-status').textContent +=
          '. The alert you followed a link to is not in your scope.';
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      pageAlert(e.problem.detail);
    }
  }

  byId('alerts-heading').tabIndex = -1;
  if (linked) byId('filter-status').value = '';
  byId('alerts-filter').onsubmit = (e) => {
    e.preventDefault();
    void show();
  };
  await show();
}

main().catch(failed);
