// The selected hand-off: its facts, what may be done with it, its history and the subject's
// earlier hand-offs (a child repeatedly found away from home). Read with the session's purpose;
// a push of the lists that changes it redraws it in place.
import { ApiError, api } from '/common/assets/api.js';
import { el as h } from '/common/assets/dom.js';
import { formatDateTime, formatWhen } from '/common/assets/units.js';
import {
  actorText,
  AGE_GROUP_NAMES,
  CONCERN_NAMES,
  deadlineText,
  historyText,
  OUTCOME_NAMES,
  STATUS_NAMES,
} from './handoff-model.js';
import { subjectName } from './handoff-table.js';

const fact = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];

/** Whether the pushed copy says more than the one shown (the history only grows). */
const moved = (shown, pushed) =>
  pushed.status !== shown.status ||
  pushed.homeForce !== shown.homeForce ||
  pushed.overdue !== shown.overdue ||
  (pushed.history?.length ?? 0) > (shown.history?.length ?? 0);

/**
 * `mayAct(handoff)` says whether the user may act on it; `actions` are its forms (actions.js);
 * `onOpened(id)` runs whenever another hand-off is shown (also from the earlier ones).
 */
export function createDetail({ forceNames, regionNames, mayAct, actions, onOpened }) {
  const el = (id) => document.getElementById(id);
  const force = (code) => forceNames.get(code) ?? code;
  let shown = null;

  function problem(message) {
    el('detail-problem').textContent = message ?? '';
    el('detail-problem').hidden = !message;
  }

  function render(t) {
    shown = t;
    el('detail').hidden = false;
    el('detail-heading').textContent = `Hand-off of ${subjectName(t)}`;
    const left = deadlineText(t, Date.now());
    el('detail-facts').replaceChildren(
      ...fact('Status', STATUS_NAMES[t.status], t.overdue ? ' (overdue)' : ''),
      ...fact('Found', `${force(t.foundForce)}, ${formatDateTime(t.foundAt)}`),
      ...fact('Home force', force(t.homeForce)),
      ...fact('Age group', AGE_GROUP_NAMES[t.ageGroup] ?? t.ageGroup),
      ...fact('Concerns', t.concerns.map((c) => CONCERN_NAMES[c] ?? c).join(', ')),
      ...fact('Acknowledge by', formatDateTime(t.acknowledgeBy), left ? ` (${left})` : ''),
      ...fact('Escalated', formatWhen(t.escalatedAt)),
      ...fact('Owner', t.owner ?? '—'),
      ...fact('Outcome', t.outcome ? (OUTCOME_NAMES[t.outcome] ?? t.outcome) : '—'),
      ...(t.note ? fact('Note', t.note) : []),
      ...(t.safeguardingOutcomeId ? fact('Safeguarding result', t.safeguardingOutcomeId) : []),
      ...fact('Reference', h('code', {}, t.id)),
    );
    actions.show(t, mayAct(t));
    el('detail-history').replaceChildren(
      ...(t.history ?? []).map((entry) =>
        h(
          'li',
          {},
          h('time', { dateTime: entry.at }, formatDateTime(entry.at)),
          ': ',
          historyText(entry, force, (r) => regionNames.get(r) ?? r),
          h('span', { className: 'meta' }, ` by ${actorText(entry.by, force)}`),
        ),
      ),
    );
  }

  /** The earlier hand-offs, each read on its own: some may be outside the user's scope. */
  async function showPrevious(t) {
    const list = el('detail-previous');
    if (!t.previousHandoffs?.length) {
      list.replaceChildren(h('li', {}, 'None: this is the first hand-off of this subject.'));
      return;
    }
    list.replaceChildren(h('li', {}, 'Loading…'));
    const earlier = await Promise.all(
      t.previousHandoffs.map((id) =>
        api.get(`/api/v1/handoffs/${encodeURIComponent(id)}`).catch((e) => {
          if (!(e instanceof ApiError)) throw e;
          return { id, unreadable: e.problem.detail ?? e.problem.title };
        }),
      ),
    );
    if (shown?.id !== t.id) return;
    list.replaceChildren(
      ...earlier.map((p) =>
        p.unreadable
          ? h('li', {}, h('code', {}, p.id), `: not shown (${p.unreadable})`)
          : h(
              'li',
              {},
              h(
                'button',
                { type: 'button', className: 'link-button', onclick: () => open(p.id) },
                `Found ${formatDateTime(p.foundAt)} in ${force(p.foundForce)}`,
              ),
              `, home ${force(p.homeForce)}: ${STATUS_NAMES[p.status]}${p.outcome ? `, ${OUTCOME_NAMES[p.outcome]}` : ''}`,
            ),
      ),
    );
  }

  /** Reads and shows one hand-off, then moves focus to its heading (unless only refreshed). */
  async function open(id, { focus = true } = {}) {
    problem(null);
    el('detail').hidden = false;
    let t;
    try {
      t = await api.get(`/api/v1/handoffs/${encodeURIComponent(id)}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      problem(`The hand-off could not be read: ${e.problem.detail ?? e.problem.title}`);
      if (focus) el('detail-heading').focus();
      return;
    }
    render(t);
    onOpened(t.id);
    if (focus) el('detail-heading').focus();
    await showPrevious(t);
  }

  return {
    open,
    /** A hand-off as an action answered it: shown at once, before the stream's push. */
    update(t) {
      if (shown?.id === t.id) render(t);
    },
    /** The lists' latest push: redraws the shown hand-off if it moved on. */
    pushed(items) {
      const now = shown && items.find((i) => i.id === shown.id);
      if (now && moved(shown, now)) {
        if (Array.isArray(now.history)) render(now);
        else void open(now.id, { focus: false });
      }
    },
    shownId: () => shown?.id ?? null,
  };
}
