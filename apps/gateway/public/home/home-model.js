// The home page's pure logic: which cards a role gets, and which taskings, hand-offs, orders
// and alerts need the signed-in user now, each with where it is acted on. No DOM and no
// requests here, so it is tested on its own.
import { formatDateTime } from '/common/assets/units.js';

const HOUR = 3_600_000;
/** How many unread notifications home lists; the inbox has the rest. */
export const HOME_INBOX_LIMIT = 5;
/** A provider deadline this near (or past) needs the NCLCC's attention. */
export const DEADLINE_NEAR_MS = 48 * HOUR;

/** Cards for every page the role may use but home itself, in the navigation's order. */
export const cardsFor = (pages) => pages.filter((p) => p.href !== '/');

/** `href` when the role has that page, else `fallback` (a desk another page may not have yet). */
export const actOn = (pages, href, fallback) =>
  pages.some((p) => p.href === href) ? href : fallback;

/**
 * Taskings that need the user: a force or region acknowledges those issued to it and acts on
 * the overdue; the NCLCC follows the overdue and escalated. Urgent (overdue) first.
 */
export function taskingNeeds(taskings, me, forceNames) {
  const acts = me.role === 'force' || me.role === 'regional';
  const open = (t) => !['completed', 'declined', 'cancelled'].includes(t.status);
  return taskings
    .filter(
      (t) => open(t) && (acts ? t.status === 'issued' || t.overdue : t.overdue || t.escalated),
    )
    .map((t) => ({
      kind: 'tasking',
      urgent: t.overdue,
      title: t.overdue
        ? `Overdue tasking (${t.priority}): ${t.action}`
        : `Tasking awaiting acknowledgement (${t.priority}): ${t.action}`,
      detail: `${forceNames.get(t.force) ?? t.force}, due ${formatDateTime(t.dueAt)}${t.escalated ? ', escalated' : ''}`,
      href: taskingHref(t),
    }))
    .sort(byUrgency);
}

/** The taskings page with the tasking's week chosen and its row picked out. */
const taskingHref = (t) =>
  t.operationId
    ? `/taskings?${new URLSearchParams({ operation: t.operationId, tasking: t.id })}`
    : '/taskings';

/** Hand-offs whose home force is the user's to acknowledge (the NCLCC: the overdue only). */
export function handoffNeeds(handoffs, me, forcesInScope, forceNames) {
  return handoffs
    .filter(
      (h) =>
        h.status === 'raised' &&
        forcesInScope.includes(h.homeForce) &&
        (me.role !== 'nclcc' || h.overdue),
    )
    .map((h) => ({
      kind: 'handoff',
      urgent: h.overdue,
      title: `${h.overdue ? 'Overdue hand-off' : 'Hand-off awaiting acknowledgement'}: ${h.ageGroup} found by ${forceNames.get(h.foundForce) ?? h.foundForce}`,
      detail: `Home force ${forceNames.get(h.homeForce) ?? h.homeForce}, acknowledge by ${formatDateTime(h.acknowledgeBy)}`,
      href: `/safeguarding?${new URLSearchParams({ handoff: h.id })}`,
    }))
    .sort(byUrgency);
}

/** Granted orders whose provider deadline has passed or is near. */
export function ddtroNeeds(ddtros, now, href) {
  return ddtros
    .filter(
      (d) =>
        d.status === 'granted' &&
        d.providerDeadline &&
        (d.providerOverdue || Date.parse(d.providerDeadline) - now <= DEADLINE_NEAR_MS),
    )
    .map((d) => ({
      kind: 'ddtro',
      urgent: d.providerOverdue,
      title: d.providerOverdue
        ? 'DDTRO: the provider has not acted by its deadline'
        : 'DDTRO: provider deadline near',
      detail: `Deadline ${formatDateTime(d.providerDeadline)}`,
      href,
    }))
    .sort(byUrgency);
}

/** Deconfliction alerts, told by kind and forces (the shared number or reference stays on its desk). */
export function alertNeeds(alerts, forceNames, href) {
  return alerts.map((a) => ({
    kind: 'alert',
    urgent: false,
    title: `Deconfliction: a ${a.kind === 'holder' ? 'line holder' : 'number'} shared by ${a.forces.length} forces`,
    detail: a.forces.map((f) => forceNames.get(f) ?? f).join(', '),
    href,
  }));
}

/** Replacement numbers no order has followed yet: the NCLCC applies for DDTROs on them. */
export function replacementNeeds(alerts, href) {
  return alerts
    .filter((a) => !a.appliedDdtroId)
    .map((a) => ({
      kind: 'replacement',
      urgent: false,
      title: `Replacement number on ${a.brand}: no DDTRO applied for yet`,
      detail: `Seen ${formatDateTime(a.raisedAt)}`,
      href,
    }));
}

/** The home page's inbox: the unread count in words and the newest unread, each to its page. */
export function inboxSummary(unread, items) {
  const shown = items.slice(0, HOME_INBOX_LIMIT);
  const more = unread > shown.length ? `, the newest ${shown.length} below` : '';
  return {
    status: unread
      ? `${unread} unread ${unread === 1 ? 'notification' : 'notifications'}${more}.`
      : 'No unread notifications.',
    items: shown.map((n) => ({ title: n.title, href: n.href, at: formatDateTime(n.at) })),
  };
}

/** The week a commander watches: the active one starting last, else none. */
export function activeWeek(weeks) {
  return (
    weeks
      .filter((w) => w.status === 'active')
      .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))[0] ?? null
  );
}

/** The headline figures of a board, as the board's own large figures name them. */
export function headlineFigures(board) {
  const n = board.national;
  return [
    ['Arrests', n.arrests],
    ['People safeguarded', n.safeguardedChildren + n.safeguardedAdults],
    ['Lines closed', n.lines.closedType1 + n.lines.closedType2],
    ['Taskings overdue', board.taskings?.overdue ?? 0],
  ];
}

function byUrgency(a, b) {
  return Number(b.urgent) - Number(a.urgent);
}
