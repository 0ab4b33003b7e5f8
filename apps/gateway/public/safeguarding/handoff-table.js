// One live table of hand-offs (the inbox or the sent list). Rows are rebuilt from each push with
// textContent only (references and reasons are never read as HTML); the subject cell is a real
// button that opens the hand-off, and keyboard focus stays on it across pushes.
import { el as h } from '/common/assets/dom.js';
import { formatDateTime } from '/common/assets/units.js';
import {
  AGE_GROUP_NAMES,
  CONCERN_NAMES,
  deadlineText,
  OUTCOME_NAMES,
  STATUS_NAMES,
} from './handoff-model.js';

const badge = (text, kind) => h('span', { className: `badge ${kind}` }, text);

/** The words a subject is known by: its reference, or that retention erased it. */
export const subjectName = (handoff) => handoff.subjectRef ?? 'reference erased';

function statusCell(t) {
  const cell = h('td', { className: 'status' }, badge(STATUS_NAMES[t.status], t.status));
  if (t.overdue) cell.append(' ', badge('Overdue', 'overdue'));
  if (t.escalatedAt) cell.append(' ', badge('Escalated', 'escalated'));
  if (t.owner) cell.append(h('p', { className: 'meta' }, `Owner ${t.owner}`));
  if (t.outcome) cell.append(h('p', { className: 'meta' }, OUTCOME_NAMES[t.outcome] ?? t.outcome));
  return cell;
}

/**
 * `rows` and `summary` are the table's body and status line; `describe(count, overdue)` words
 * the summary; `onOpen(handoff)` runs when a subject's button is pressed.
 */
export function createHandoffTable({ rows, summary, forceNames, describe, onOpen }) {
  const force = (code) => forceNames.get(code) ?? code;
  let items = [];
  let selected = null;

  function row(t) {
    const open = h(
      'button',
      { type: 'button', className: 'link-button', onclick: () => onOpen(t) },
      subjectName(t),
      h('span', { className: 'visually-hidden' }, `: open the hand-off to ${force(t.homeForce)}`),
    );
    open.dataset.open = t.id;
    if (t.id === selected) open.setAttribute('aria-current', 'true');
    const left = deadlineText(t, Date.now());
    const tr = h(
      'tr',
      { className: t.overdue ? 'is-overdue' : '' },
      h('th', { scope: 'row' }, open),
      h('td', {}, force(t.foundForce), h('p', { className: 'meta' }, formatDateTime(t.foundAt))),
      h('td', {}, force(t.homeForce)),
      h('td', {}, AGE_GROUP_NAMES[t.ageGroup] ?? t.ageGroup),
      h('td', {}, t.concerns.map((c) => CONCERN_NAMES[c] ?? c).join(', ')),
      statusCell(t),
      h(
        'td',
        { className: 'deadline' },
        formatDateTime(t.acknowledgeBy),
        left && h('p', { className: 'meta left' }, left),
      ),
    );
    tr.dataset.id = t.id;
    tr.dataset.status = t.status;
    return tr;
  }

  function render() {
    const focused = document.activeElement?.dataset?.open;
    const inside = rows.contains(document.activeElement);
    rows.replaceChildren(...items.map(row));
    if (inside && focused) rows.querySelector(`[data-open="${CSS.escape(focused)}"]`)?.focus();
    const overdue = items.filter((t) => t.status === 'raised' && t.overdue).length;
    summary.textContent = describe(items.length, overdue);
  }

  // The time left moves on even when nothing changes.
  setInterval(() => {
    for (const tr of rows.querySelectorAll('tr')) {
      const t = items.find((i) => i.id === tr.dataset.id);
      const left = t && deadlineText(t, Date.now());
      const slot = tr.querySelector('.left');
      if (left && slot) slot.textContent = left;
    }
  }, 20_000);

  return {
    show(next) {
      items = next;
      render();
    },
    select(id) {
      selected = id;
      render();
    },
    focus(id) {
      rows.querySelector(`[data-open="${CSS.escape(id)}"]`)?.focus();
    },
  };
}
