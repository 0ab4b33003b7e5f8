// Step 4: the force's outcomes in this week, newest first, with their history, corrections and
// retractions. Rows are built with textContent only: notes and ids are never read as HTML.
import { ApiError, api, request } from '/common/assets/api.js';
import { showFieldErrors } from '/common/assets/field-errors.js';
import { figuresOf, TYPE_LABELS } from './figures.js';
import { formatDateTime } from '/common/assets/units.js';
import { lineLabel } from '/common/assets/line-picker.js';

function h(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const by = (who) => `${who.sub} (${who.role})`;

/** The outcome's register line by brand (looked up once per page), never by id. */
function lineOf(body) {
  if (!body.lineId) return null;
  const span = h('span', { className: 'when' }, 'Line: a register line');
  void lineLabel(body.lineId).then((label) => (span.textContent = `Line: ${label}`));
  return span;
}

export function createSubmissions({ forceNames, onCorrect }) {
  const el = (id) => document.getElementById(id);
  const rows = el('submissions-rows');
  const status = el('submissions-status');
  const more = el('load-more');
  const typeFilter = el('filter-type');
  const dialog = el('retract-dialog');
  const reasonForm = el('retract-form');
  let week = null;
  let force = null;
  let cursor = null;
  let retracting = null;
  // Answers to an older week, force or filter are dropped rather than mixed into the table.
  let generation = 0;

  function history(item) {
    const entries = item.versions.map((v) =>
      h(
        'li',
        {},
        `Version ${v.version}, ${formatDateTime(v.recordedAt)} by ${by(v.recordedBy)}: ${figuresOf(v.body)}`,
      ),
    );
    if (item.retraction)
      entries.push(
        h(
          'li',
          {},
          `Retracted ${formatDateTime(item.retraction.at)} by ${by(item.retraction.by)}: ${item.retraction.reason}`,
        ),
      );
    return h(
      'details',
      { className: 'history' },
      h('summary', {}, `Version history (${item.versions.length})`),
      h('ol', {}, ...entries),
    );
  }

  function row(item) {
    const what = `${TYPE_LABELS[item.type].toLowerCase()} of ${formatDateTime(item.current.occurredAt)}`;
    const live = item.status === 'live';
    const locked = !live || week.status === 'closed';
    const correct = h(
      'button',
      { type: 'button', className: 'button secondary small', disabled: locked },
      'Correct',
    );
    correct.setAttribute('aria-label', `Correct ${what}`);
    correct.addEventListener('click', () => onCorrect(item));
    const retract = h(
      'button',
      { type: 'button', className: 'button warning small', disabled: locked },
      'Retract',
    );
    retract.setAttribute('aria-label', `Retract ${what}`);
    retract.addEventListener('click', () => askReason(item, what));
    const tr = h(
      'tr',
      { className: live ? '' : 'retracted' },
      h('th', { scope: 'row' }, TYPE_LABELS[item.type]),
      h('td', {}, forceNames.get(item.force) ?? item.force),
      h(
        'td',
        {},
        h('span', { className: 'figures' }, figuresOf(item.current)),
        h('span', { className: 'when' }, `Happened ${formatDateTime(item.current.occurredAt)}`),
        lineOf(item.current),
        item.current.note && h('span', { className: 'when' }, `Note: ${item.current.note}`),
        history(item),
      ),
      h('td', { className: 'number' }, String(item.version)),
      h(
        'td',
        {},
        h(
          'span',
          { className: `badge ${live ? 'live' : 'retracted'}` },
          live ? 'Live' : 'Retracted',
        ),
      ),
      h('td', {}, formatDateTime(item.updatedAt)),
      h('td', { className: 'actions' }, correct, retract),
    );
    tr.dataset.outcomeId = item.id;
    return tr;
  }

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    const params = new URLSearchParams({ force });
    if (typeFilter.value) params.set('type', typeFilter.value);
    if (!reset && cursor) params.set('cursor', cursor);
    status.textContent = 'Loading submissions…';
    more.disabled = true;
    try {
      const page = await api.get(
        `/api/v1/operations/${encodeURIComponent(week.id)}/outcomes?${params}`,
      );
      if (mine !== generation) return;
      if (reset) rows.replaceChildren();
      rows.append(...page.items.map(row));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      const n = rows.children.length;
      el('submissions-table').hidden = n === 0;
      status.textContent = n
        ? `Showing ${n} ${n === 1 ? 'submission' : 'submissions'}${cursor ? '; more are available' : ''}.`
        : 'Nothing has been reported for this force in this week yet.';
    } catch (e) {
      if (!(e instanceof ApiError) || mine !== generation) throw e;
      status.textContent = `Could not load submissions: ${e.problem.detail}`;
    } finally {
      more.disabled = false;
    }
  }

  function askReason(item, what) {
    retracting = item;
    el('retract-what').textContent =
      `Retracting the ${what}: ${figuresOf(item.current)}. It will no longer count on the board.`;
    reasonForm.elements.namedItem('reason').value = '';
    showFieldErrors(reasonForm, []);
    dialog.showModal();
  }

  reasonForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const reason = reasonForm.elements.namedItem('reason').value.trim();
    if (!reason) {
      showFieldErrors(reasonForm, [
        { field: 'reason', message: 'Enter why this outcome is retracted' },
      ]);
      return;
    }
    try {
      await request('POST', `/api/v1/outcomes/${encodeURIComponent(retracting.id)}/retraction`, {
        json: { reason },
      });
      dialog.close();
      await load(true);
      status.textContent = `Outcome retracted. ${status.textContent}`;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const errors = err.problem.errors.length
        ? err.problem.errors
        : [{ field: 'reason', message: err.problem.detail }];
      showFieldErrors(
        reasonForm,
        errors.map((x) => ({ field: 'reason', message: x.message })),
      );
    }
  });
  el('retract-cancel').addEventListener('click', () => dialog.close());
  more.addEventListener('click', () => load(false));
  typeFilter.addEventListener('change', () => load(true));

  return {
    show(nextWeek, nextForce) {
      week = nextWeek;
      force = nextForce;
      cursor = null;
      return load(true);
    },
    refresh: () => load(true),
  };
}
