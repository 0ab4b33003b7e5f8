import { PROVIDER_WORKING_DAYS } from '@intensify/contracts';
import { isBankHoliday } from './bank-holidays';

const DAY = 86_400_000;

/**
 * `days` working days after `from`, at the same time of day; Saturdays, Sundays and bank
 * holidays in England and Wales skipped (days as UTC dates).
 */
export function addWorkingDays(from: Date, days: number): Date {
  let at = from.getTime();
  for (let counted = 0; counted < days;) {
    at += DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isBankHoliday(new Date(at))) counted += 1;
  }
  return new Date(at);
}

/**
 * When the provider must have cut the number off: 5 working days after the grant. A day lasts
 * `dayMs` (a real day in service, much less in tests), so the span is scaled, weekends included.
 */
export function providerDeadline(grantedAt: Date, dayMs: number = DAY): Date {
  const span = addWorkingDays(grantedAt, PROVIDER_WORKING_DAYS).getTime() - grantedAt.getTime();
  return new Date(grantedAt.getTime() + Math.round((span * dayMs) / DAY));
}
