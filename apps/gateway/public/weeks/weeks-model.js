// The planning console's pure logic: form values to request bodies, the ranking as rows and
// bars, and the focus forces with their overrides. No DOM and no requests here.
import { isoToLocalInput, localInputToIso } from '/common/assets/units.js';

export const STATUS_LABELS = { planned: 'Planned', active: 'Active', closed: 'Closed' };

export const OVERRIDE_REASONS = [
  ['intelligence-update', 'New intelligence'],
  ['cross-border-activity', 'Cross-border activity'],
  ['capacity', 'Capacity'],
  ['mutual-aid', 'Mutual aid'],
  ['other', 'Other'],
];

/** The ranking's factors in the order the method lists them, as column headings. */
export const FACTOR_LABELS = {
  childrenExploited: 'Children exploited',
  weapons: 'Weapons',
  violence: 'Violence',
  cuckooing: 'Cuckooing',
  importingForces: 'Importing forces',
  linkedLines: 'Linked lines',
  replacedNumbers: 'Replaced numbers',
  recentIntelligence: 'Recent intelligence',
};

/** The create form as a body: every field sent, so the API names each one that is missing. */
export function createBody({ name, startsAt, endsAt }) {
  return { name, startsAt: localInputToIso(startsAt), endsAt: localInputToIso(endsAt) };
}

/** The edit form as a body: only what differs from the week, so an unchanged date is not sent. */
export function editBody(week, { name, startsAt, endsAt }) {
  const body = {};
  if (name !== week.name) body.name = name;
  if (startsAt !== isoToLocalInput(week.startsAt)) body.startsAt = localInputToIso(startsAt);
  if (endsAt !== isoToLocalInput(week.endsAt)) body.endsAt = localInputToIso(endsAt);
  return body;
}

/** Weeks newest first, as the list shows them. */
export const weeksInOrder = (weeks) =>
  [...weeks].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));

/** Each ranked line's factor points by factor name, for one table row. */
export function factorPoints(item) {
  return Object.fromEntries(item.factors.map((f) => [f.factor, f]));
}

/** The chart's bars: one per line, labelled with its rank, in rank order. */
export function rankingBars(items) {
  return items.map((i) => ({ label: `${i.rank}. ${i.brand}`, value: i.score }));
}

/**
 * The focus forces as the console lists them: each with whether the focus lines bring it, an
 * override adds it, and the overrides that removed forces the lines bring.
 */
export function focusForceRows(focus, forceNames) {
  const lineForces = new Set(focus.lineForces ?? focus.focusForces);
  const latest = new Map();
  for (const o of focus.overrides ?? []) if (!latest.has(o.force)) latest.set(o.force, o);
  const name = (f) => forceNames.get(f) ?? f;
  const rows = focus.focusForces.map((f) => ({
    force: f,
    name: name(f),
    focus: true,
    why: lineForces.has(f) ? 'Focus lines' : 'Added by override',
  }));
  for (const f of lineForces)
    if (!focus.focusForces.includes(f))
      rows.push({ force: f, name: name(f), focus: false, why: 'Removed by override' });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** An override as one line of the record: what changed, why, who and when. */
export function overrideRow(o, forceNames) {
  const reason = OVERRIDE_REASONS.find(([code]) => code === o.reasonCode)?.[1] ?? o.reasonCode;
  return {
    force: forceNames.get(o.force) ?? o.force,
    change: o.focus ? 'Made a focus force' : 'No longer a focus force',
    reason: o.reason ? `${reason}: ${o.reason}` : reason,
    by: o.by?.sub ?? '',
    at: o.at,
  };
}
