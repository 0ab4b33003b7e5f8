// What changed since the viewer last looked: the figures they last saw are kept in this
// browser per user and week; figures that differ now are marked with a cue in words
// ("+3 since 14:05"), never by colour alone. Pure apart from the storage it is handed.

/** One record per user and week, so a shared wall screen and a laptop each keep their own. */
export const seenKey = (sub, operationId) => `intensify.board.seen.${sub}.${operationId}`;

/** The figures last marked seen, `{ at, values }`, or null when none (or unreadable). */
export function readSeen(storage, key) {
  try {
    const seen = JSON.parse(storage.getItem(key) ?? 'null');
    if (!seen || typeof seen.at !== 'string' || typeof seen.values !== 'object') return null;
    return seen;
  } catch {
    return null;
  }
}

/** Keeps `values` (figure key → number) as seen at `at` (ISO 8601); answers what was kept. */
export function writeSeen(storage, key, values, at) {
  const seen = { at, values: { ...values } };
  try {
    storage.setItem(key, JSON.stringify(seen));
  } catch {
    // Storage full or refused: the marks still clear for this visit.
  }
  return seen;
}

/**
 * Figure key → change since `seen` for every figure that differs; a figure the viewer never saw
 * (new to the board) counts from zero.
 */
export function changesSince(seen, current) {
  const changes = {};
  for (const [key, value] of Object.entries(current)) {
    const before = seen.values[key] ?? 0;
    if (value !== before) changes[key] = value - before;
  }
  return changes;
}

const signed = (n, format) => (n > 0 ? `+${format(n)}` : `−${format(-n)}`);

/** The words beside a changed figure, e.g. "+3 since 14:05". */
export function changeCue(delta, seenAt, { formatNumber = String, formatTime }) {
  return `${signed(delta, formatNumber)} since ${formatTime(seenAt)}`;
}

/** The status line over the figures. */
export function seenSummary(changes, seenAt, formatTime) {
  const n = Object.keys(changes).length;
  if (!n) return `No figures have changed since you last looked at ${formatTime(seenAt)}.`;
  return `${n} ${n === 1 ? 'figure has' : 'figures have'} changed since you last looked at ${formatTime(seenAt)}: marked below.`;
}
