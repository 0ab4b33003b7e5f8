import { isBankHoliday } from './bank-holidays';

/** The published bank holidays in England and Wales (gov.uk) for three years. */
const PUBLISHED = {
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

describe('bank holidays in England and Wales', () => {
  it.each(Object.entries(PUBLISHED))('are exactly the published ones in %s', (year, days) => {
    const found: string[] = [];
    for (
      let t = Date.UTC(Number(year), 0, 1);
      t < Date.UTC(Number(year) + 1, 0, 1);
      t += 86_400_000
    )
      if (isBankHoliday(new Date(t))) found.push(new Date(t).toISOString().slice(5, 10));
    expect(found).toEqual(days);
  });
});
