import { hoursIntoWeek } from './comparison.controller';

const week = { startsAt: '2026-10-05T06:30:00Z', endsAt: '2026-10-12T06:30:00Z' };
const at = (iso: string) => new Date(iso);

describe('hours into a week', () => {
  it('counts the hours begun since the hour the week started in', () => {
    expect(hoursIntoWeek(week, at('2026-10-05T06:00:00Z'))).toBe(1);
    expect(hoursIntoWeek(week, at('2026-10-05T06:59:59Z'))).toBe(1);
    expect(hoursIntoWeek(week, at('2026-10-05T11:10:00Z'))).toBe(6);
  });

  it('is 0 before the week and the week’s length after its end', () => {
    expect(hoursIntoWeek(week, at('2026-10-05T05:59:59Z'))).toBe(0);
    expect(hoursIntoWeek(week, at('2027-01-01T00:00:00Z'))).toBe(169);
  });
});
