// The live table of taskings. Rows are rebuilt from each push with textContent only (actions and
// notes are never read as HTML); focus stays on the same button of the same tasking.
import { landOn, LINKED, linkedCue } from '/common/assets/deep-link.js';
import { lineLabel } from '/common/assets/line-picker.js';
import { formatDateTime } from '/common/assets/units.js';
import { acknowledgeable } from './bulk-acknowledge.js';
import { reportLink } from './report-link.js';

const STATUS_NAMES = {
  issued: 'Issued',
  acknowledged: 'Acknowledged',
  'in-progress': 'In progress',
  completed: 'Completed',
  declined: 'Declined',
  cancelled: 'Cancelled',
};
const OPEN = ['issued', 'acknowledged', 'in-progress'];

/** A line named by brand and force once looked up; its id is never shown. */
function lineName(id) {
  const span = document.createElement('span');
  span.textContent = 'a register line';
  void lineLabel(id).then((label) => (span.textContent = label));
  return span;
}

/** Which buttons each view offers, by status: the state machine's legal moves for that role. */
const RESPOND = {
  issued: ['acknowledge', 'decline'],
  acknowledged: ['start', 'decline'],
  'in-progress': ['complete'],
};
const ACTION_NAMES = {
  acknowledge: 'Acknowledge',
  start: 'Start',
  complete: 'Complete',
  decline: 'Decline',
  cancel: 'Cancel',
  reassign: 'Reassign',
};

function h(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const badge = (text, kind) => h('span', { className: `badge ${kind}` }, text);

export function age(iso, now = Date.now()) {
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} d`;
}

/**
 * The view (`setView`) is `manage` (NCLCC: cancel, reassign), `respond` (region or force: acknowledge, start,
 * complete, decline, select for acknowledging together, report an outcome) or `read`.
 * `onAction(transition, tasking)` runs when a button is pressed; `onSelection(taskings)` when
 * the taskings selected for acknowledging change.
 */
export function createTable({ forceNames, onAction, onSelection = () => {} }) {
  const rows = document.getElementById('taskings-rows');
  const summary = document.getElementById('list-summary');
  const problems = new Map();
  const selected = new Set();
  let items = [];
  let view = 'read';
  // The tasking a link named, brought into view once, when it first shows.
  let linked = null;
  let landed = false;

  function actionsOf(t) {
    if (view === 'manage') return OPEN.includes(t.status) ? ['cancel', 'reassign'] : [];
    if (view === 'respond') return RESPOND[t.status] ?? [];
    return [];
  }

  function statusCell(t) {
    const cell = h('td', { className: 'status' }, badge(STATUS_NAMES[t.status], t.status));
    if (t.overdue) cell.append(' ', badge('Overdue', 'overdue'));
    if (t.escalated) cell.append(' ', badge('Escalated to NCLCC', 'escalated'));
    if (t.reminded && t.status === 'issued') cell.append(' ', badge('Reminder sent', 'reminded'));
    if (t.declineReason) cell.append(h('p', { className: 'reason' }, `Reason: ${t.declineReason}`));
    if (t.cancelReason) cell.append(h('p', { className: 'reason' }, `Reason: ${t.cancelReason}`));
    return cell;
  }

  /** A checkbox choosing the tasking for "Acknowledge selected", named by its force. */
  function selectBox(t, force) {
    const box = h('input', {
      type: 'checkbox',
      id: `select-${t.id}`,
      checked: selected.has(t.id),
      onchange: () => {
        if (box.checked) selected.add(t.id);
        else selected.delete(t.id);
        onSelection(chosen());
      },
    });
    box.dataset.action = 'select';
    return h(
      'span',
      { className: 'select-box' },
      box,
      h(
        'label',
        { htmlFor: box.id },
        'Select',
        h('span', { className: 'visually-hidden' }, ` tasking for ${force}`),
      ),
    );
  }

  function reportOutcome(t, force) {
    const href = reportLink(t);
    if (view !== 'respond' || !href) return null;
    const link = h(
      'a',
      { href, className: 'report-link' },
      'Report outcome',
      h('span', { className: 'visually-hidden' }, ` of the tasking for ${force}`),
    );
    link.dataset.action = 'report';
    return link;
  }

  const chosen = () => items.filter((t) => selected.has(t.id));

  function row(t) {
    const force = forceNames.get(t.force) ?? t.force;
    const buttons = actionsOf(t).map((a) => {
      const b = h(
        'button',
        {
          type: 'button',
          className: `button small${a === 'decline' || a === 'cancel' ? ' secondary' : ''}`,
          onclick: () => onAction(a, t),
        },
        ACTION_NAMES[a],
        h('span', { className: 'visually-hidden' }, ` tasking for ${force}`),
      );
      b.dataset.action = a;
      return b;
    });
    const problem = problems.get(t.id);
    const tr = h(
      'tr',
      {
        className: [t.overdue && 'is-overdue', t.id === linked && LINKED].filter(Boolean).join(' '),
      },
      h('th', { scope: 'row', tabIndex: -1 }, force, t.id === linked && linkedCue('tasking')),
      h(
        'td',
        {},
        t.action,
        h(
          'p',
          { className: 'meta' },
          t.priority,
          ...(t.lineId ? [', line ', lineName(t.lineId)] : []),
          t.legacyLineRef ? `, line reference ${t.legacyLineRef}` : '',
          t.notes ? `. ${t.notes}` : '',
        ),
      ),
      statusCell(t),
      h('td', {}, formatDateTime(t.dueAt)),
      h('td', { className: 'age' }, age(t.issuedAt)),
      h(
        'td',
        { className: 'outcomes' },
        ...(t.outcomeIds.length ? t.outcomeIds.map((id) => h('code', {}, id)) : ['None']),
      ),
      h(
        'td',
        { className: 'actions' },
        view === 'respond' && acknowledgeable(t) && selectBox(t, force),
        ...buttons,
        reportOutcome(t, force),
        problem && h('p', { className: 'field-error', role: 'alert' }, problem),
      ),
    );
    tr.dataset.id = t.id;
    tr.dataset.status = t.status;
    return tr;
  }

  function render() {
    // A tasking acknowledged (or gone) meanwhile is no longer selectable.
    for (const id of selected)
      if (view !== 'respond' || !items.some((t) => t.id === id && acknowledgeable(t)))
        selected.delete(id);
    const focused = document.activeElement?.closest?.('#taskings-rows tr');
    const focusedAction = document.activeElement?.dataset?.action;
    rows.replaceChildren(...items.map(row));
    if (focused && focusedAction)
      rows
        .querySelector(
          `tr[data-id="${CSS.escape(focused.dataset.id)}"] [data-action="${focusedAction}"]`,
        )
        ?.focus();
    if (linked && !landed) {
      const tr = rows.querySelector(`tr[data-id="${CSS.escape(linked)}"]`);
      if (tr) {
        landed = true;
        landOn(tr.querySelector('th'));
      }
    }
    const open = items.filter((t) => OPEN.includes(t.status));
    summary.textContent = items.length
      ? `${items.length} ${items.length === 1 ? 'tasking' : 'taskings'}: ${open.length} open, ${open.filter((t) => t.overdue).length} overdue.`
      : 'No taskings in your scope for this week yet.';
    onSelection(chosen());
  }

  // Ages move on even when nothing changes.
  setInterval(() => {
    for (const cell of rows.querySelectorAll('tr')) {
      const t = items.find((i) => i.id === cell.dataset.id);
      if (t) cell.querySelector('.age').textContent = age(t.issuedAt);
    }
  }, 20_000);

  return {
    setView(next) {
      view = next;
      render();
    },
    /** Picks out the tasking a link named (`?tasking=`), focused when it shows. */
    pickOut(id) {
      linked = id;
      landed = false;
      render();
    },
    /** The whole list, as the stream sends it. */
    show(next) {
      items = next;
      render();
    },
    /** One tasking as an action answered it, before the stream's push arrives. */
    update(t) {
      const at = items.findIndex((i) => i.id === t.id);
      // A push may already have brought a later state than this answer.
      if (at >= 0 && items[at].updatedAt > t.updatedAt) return;
      if (at >= 0) items[at] = t;
      else items.unshift(t);
      render();
    },
    /** Focus back on the tasking after a dialog: on the same button if it is still offered. */
    focus(id, action) {
      const tr = rows.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
      (tr?.querySelector(`[data-action="${action}"]`) ?? tr?.querySelector('th'))?.focus();
    },
    /** Selects every tasking that can be acknowledged (or, when all are, none). */
    toggleAll() {
      const open = items.filter(acknowledgeable);
      const all = open.length > 0 && open.every((t) => selected.has(t.id));
      selected.clear();
      if (!all) for (const t of open) selected.add(t.id);
      render();
    },
    /** The taskings selected for acknowledging, in the table's order. */
    selection: chosen,
    /** A problem next to the tasking's buttons (null clears it). */
    problem(id, message) {
      if (message) problems.set(id, message);
      else problems.delete(id);
      render();
    },
  };
}
