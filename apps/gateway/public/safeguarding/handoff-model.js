// What the safeguarding page decides without the DOM: whose inbox a hand-off is in, which list
// it belongs to, in what order, who may act on it and how its deadline reads. No imports, so the
// unit tests load it as it is.

export const STATUS_NAMES = { raised: 'Raised', acknowledged: 'Acknowledged', closed: 'Closed' };

export const AGE_GROUP_NAMES = { child: 'Child', adult: 'Adult' };

export const CONCERN_NAMES = {
  'criminal-exploitation': 'Criminal exploitation',
  'sexual-exploitation': 'Sexual exploitation',
  missing: 'Missing from home',
  cuckooing: 'Cuckooing',
  trafficking: 'Trafficking',
  other: 'Other',
};

export const OUTCOME_NAMES = {
  visited: 'Visited',
  'referred-to-local-authority': 'Referred to the local authority',
  'strategy-meeting': 'Strategy meeting held',
  'nrm-referral': 'NRM referral',
  'no-further-action': 'No further action',
};

export const ACTION_NAMES = {
  raise: 'Raised',
  acknowledge: 'Acknowledged',
  redirect: 'Redirected',
  close: 'Closed',
  overdue: 'Overdue, escalated',
  'erase-subject': 'Subject reference erased',
};

/** Whether `force` is the user's own (force user) or in the user's region (regional). */
function inScope(me, force, regionOf) {
  if (me.role === 'nclcc') return true;
  if (me.role === 'regional') return regionOf(force) === me.region;
  if (me.role === 'force') return force === me.force;
  return false;
}

/** Incoming: the home force is the user's (or in the user's region); the NCLCC sees every one. */
export const isIncoming = (me, h, regionOf) => inScope(me, h.homeForce, regionOf);

/** Sent: found, and so raised, by the user's force or region. The NCLCC has no sent list. */
export const isSent = (me, h, regionOf) =>
  me.role !== 'nclcc' && inScope(me, h.foundForce, regionOf);

/** The home force, its region's coordinator and the NCLCC act on a hand-off. */
export const mayAct = (me, h, regionOf) => inScope(me, h.homeForce, regionOf);

/** The forces a user may raise for: those it reports for (`me.forces` from /api/v1/me). */
export const mayRaise = (me) => (me.forces ?? []).length > 0;

const RANK = { raised: 0, acknowledged: 0, closed: 1 };

/**
 * Inbox order: open before closed; then overdue first; then the nearest `acknowledgeBy`; ties
 * by when found, so the order never depends on the order the server sent.
 */
export function inboxOrder(a, b) {
  return (
    RANK[a.status] - RANK[b.status] ||
    Number(b.overdue) - Number(a.overdue) ||
    a.acknowledgeBy.localeCompare(b.acknowledgeBy) ||
    a.foundAt.localeCompare(b.foundAt) ||
    a.id.localeCompare(b.id)
  );
}

/** The inbox and the sent list of `items` for `me`, each in inbox order. */
export function splitLists(me, items, regionOf) {
  const incoming = items.filter((h) => isIncoming(me, h, regionOf)).sort(inboxOrder);
  const sent = items.filter((h) => isSent(me, h, regionOf)).sort(inboxOrder);
  return { incoming, sent };
}

/** "3 h 20 min" for a span of milliseconds; days once it is more than two. */
export function span(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / 1440)} days`;
}

/** How the deadline stands, in words: only a raised hand-off has one running. */
export function deadlineText(h, now) {
  if (h.status !== 'raised') return null;
  const left = Date.parse(h.acknowledgeBy) - now;
  if (h.overdue || left <= 0) return `${span(-left)} overdue`;
  return `${span(left)} left`;
}

/** A one-line account of a history entry, without who (shown beside it). */
export function historyText(entry, forceName, regionName = (r) => r) {
  const what = ACTION_NAMES[entry.action] ?? entry.action;
  const parts = [what];
  if (entry.action === 'raise' && entry.homeForce) parts.push(`to ${forceName(entry.homeForce)}`);
  if (entry.action === 'redirect') {
    if (entry.from) parts.push(`from ${forceName(entry.from)}`);
    if (entry.homeForce) parts.push(`to ${forceName(entry.homeForce)}`);
    if (entry.reason) parts.push(`(reason: ${entry.reason})`);
  }
  if (entry.action === 'overdue' && entry.escalatedTo?.length)
    parts.push(
      `to ${entry.escalatedTo.map((to) => (to === 'nclcc' ? 'the NCLCC' : regionName(to))).join(' and ')}`,
    );
  if (entry.action === 'acknowledge' && entry.owner) parts.push(`by owner ${entry.owner}`);
  if (entry.action === 'close' && entry.outcome)
    parts[0] = `${what}: ${OUTCOME_NAMES[entry.outcome] ?? entry.outcome}`;
  if (entry.action === 'close' && entry.note) parts.push(`(note: ${entry.note})`);
  return parts.join(' ');
}

/** Who made a change: a user id with role and scope, or the service for its own deadlines. */
export function actorText(by, forceName) {
  if (!by) return 'the service';
  const scope = by.force ? `, ${forceName(by.force)}` : by.region ? `, ${by.region}` : '';
  return `${by.sub} (${by.role}${scope})`;
}
