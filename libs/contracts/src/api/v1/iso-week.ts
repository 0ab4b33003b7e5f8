/**
 * ISO 8601 weeks (`2026-W14`): Monday to Sunday, in UTC, week 1 holding the year's first
 * Thursday. Baselines are reported per ISO week so every force counts the same days.
 */
export const ISO_WEEK_PATTERN = '^\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])$';
const ISO_WEEK = new RegExp(ISO_WEEK_PATTERN);
const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of week 1 of `year`. */
function firstMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY_MS;
}

/** Monday 00:00 UTC starting the week; null when the text is not a week that exists. */
export function isoWeekStart(week: string): Date | null {
  if (!ISO_WEEK.test(week)) return null;
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const start = firstMonday(year) + (n - 1) * WEEK_MS;
  // Week 53 exists only in years whose week 1 of the next year starts a week later.
  return start < firstMonday(year + 1) ? new Date(start) : null;
}

/** The ISO week an instant falls in (UTC). */
export function isoWeekOf(at: Date): string {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const n = Math.floor((thursday - firstMonday(year)) / WEEK_MS) + 1;
  return `${year}-W${String(n).padStart(2, '0')}`;
}

/** The week `n` weeks after (negative: before) a valid week. */
export function addIsoWeeks(week: string, n: number): string {
  const start = isoWeekStart(week);
  if (!start) throw new Error(`not an ISO week: ${week}`);
  return isoWeekOf(new Date(start.getTime() + n * WEEK_MS));
}

/** The week's first instant and the next week's first instant. */
export function isoWeekRange(week: string): { from: Date; to: Date } | null {
  const from = isoWeekStart(week);
  return from ? { from, to: new Date(from.getTime() + WEEK_MS) } : null;
}
