import { addIsoWeeks, isoWeekOf, isoWeekRange, isoWeekStart } from './iso-week';

describe('ISO weeks', () => {
  it('finds the Monday of a week, across year ends', () => {
    expect(isoWeekStart('2026-W14')?.toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(isoWeekStart('2026-W01')?.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(isoWeekStart('2020-W53')?.toISOString()).toBe('2020-12-28T00:00:00.000Z');
  });

  it('refuses weeks that do not exist and text that is not a week', () => {
    expect(isoWeekStart('2025-W53')).toBeNull();
    expect(isoWeekStart('2026-W53')?.toISOString()).toBe('2026-12-28T00:00:00.000Z');
    expect(isoWeekStart('2026-W00')).toBeNull();
    expect(isoWeekStart('2026-14')).toBeNull();
  });

  it('names the week of an instant, the first days of January belonging to the last year', () => {
    expect(isoWeekOf(new Date('2021-01-03T23:59:59Z'))).toBe('2020-W53');
    expect(isoWeekOf(new Date('2021-01-04T00:00:00Z'))).toBe('2021-W01');
    expect(isoWeekOf(new Date('2026-04-05T12:00:00Z'))).toBe('2026-W14');
  });

  it('counts weeks back across a year end', () => {
    expect(addIsoWeeks('2026-W02', -3)).toBe('2025-W51');
    expect(addIsoWeeks('2020-W52', 1)).toBe('2020-W53');
    expect(isoWeekRange('2026-W14')?.to.toISOString()).toBe('2026-04-06T00:00:00.000Z');
  });
});
