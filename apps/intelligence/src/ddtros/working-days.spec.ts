import { addWorkingDays, providerDeadline } from './working-days';

describe('provider deadline', () => {
  it('counts five working days, skipping the weekend', () => {
    // Monday 10:00 → Monday 10:00 a week later; Friday → next Friday; Saturday → Friday.
    expect(addWorkingDays(new Date('2026-11-23T10:00:00Z'), 5).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-11-27T10:00:00Z'), 5).toISOString()).toBe(
      '2026-12-04T10:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-11-28T10:00:00Z'), 5).toISOString()).toBe(
      '2026-12-04T10:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-11-25T09:00:00Z'), 1).toISOString()).toBe(
      '2026-11-26T09:00:00.000Z',
    );
  });

  it('skips bank holidays: granted on Christmas Eve 2026, due on 5 January 2027', () => {
    // 25 Dec, 28 Dec (Boxing Day moved) and 1 Jan are bank holidays.
    expect(addWorkingDays(new Date('2026-12-24T10:00:00Z'), 5).toISOString()).toBe(
      '2027-01-05T10:00:00.000Z',
    );
  });

  it('scales the span with the length of a day', () => {
    const granted = new Date('2026-11-23T10:00:00Z');
    expect(providerDeadline(granted).toISOString()).toBe('2026-11-30T10:00:00.000Z');
    // 7 calendar days of 200 ms each.
    expect(providerDeadline(granted, 200).getTime() - granted.getTime()).toBe(1400);
    // From a Wednesday: Thu, Fri, Mon, Tue, Wed = 7 calendar days too; from a Monday: 7.
    expect(
      providerDeadline(new Date('2026-11-25T10:00:00Z'), 100).getTime() -
        Date.parse('2026-11-25T10:00:00Z'),
    ).toBe(700);
  });
});
