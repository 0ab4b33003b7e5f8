/**
 * Bank holidays in England and Wales by the standing rules: New Year's Day, Good Friday,
 * Easter Monday, the first and last Mondays of May, the last Monday of August, Christmas Day
 * and Boxing Day, each moved to the next free weekday when it falls at a weekend. One-off
 * holidays proclaimed for a single year (a coronation, say) are not known in advance and are
 * not counted.
 */
const byYear = new Map<number, Set<string>>();

export function isBankHoliday(day: Date): boolean {
  const year = day.getUTCFullYear();
  if (!byYear.has(year)) byYear.set(year, holidaysOf(year));
  return byYear.get(year)!.has(day.toISOString().slice(0, 10));
}

function holidaysOf(year: number): Set<string> {
  const easter = easterSunday(year);
  const days = [
    ...substituted([utc(year, 0, 1)]),
    addDays(easter, -2),
    addDays(easter, 1),
    nthMonday(year, 4, 1),
    lastMonday(year, 4),
    lastMonday(year, 7),
    ...substituted([utc(year, 11, 25), utc(year, 11, 26)]),
  ];
  return new Set(days.map((d) => d.toISOString().slice(0, 10)));
}

/** Holidays at a weekend move to the next weekdays not already taken, in order. */
function substituted(days: Date[]): Date[] {
  const taken: Date[] = [];
  for (const d of days) {
    let at = d;
    while (isWeekend(at) || taken.some((t) => t.getTime() === at.getTime())) at = addDays(at, 1);
    taken.push(at);
  }
  return taken;
}

/** Western Easter Sunday (the anonymous Gregorian algorithm). */
function easterSunday(y: number): Date {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(y, month - 1, day);
}

function nthMonday(year: number, month: number, n: number): Date {
  const first = utc(year, month, 1);
  return addDays(first, ((8 - first.getUTCDay()) % 7) + 7 * (n - 1));
}

function lastMonday(year: number, month: number): Date {
  const last = utc(year, month + 1, 0);
  return addDays(last, -((last.getUTCDay() + 6) % 7));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;
