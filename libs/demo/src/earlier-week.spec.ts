import { csvRowToBody, validateOutcomeBody } from '@intensify/contracts';
import { earlierWeekCsv } from './earlier-week';
import { Random } from './random';
import { planWeekOutcomes } from './week-outcomes';

const WEEK_MS = 7 * 24 * 3_600_000;
const startsAt = Date.parse('2026-07-06T00:00:00Z');

describe("the demo's earlier week as a CSV return", () => {
  const planned = planWeekOutcomes(new Random(4), 0.1);
  const [header, ...rows] = earlierWeekCsv(planned, startsAt, 'op-1').trim().split('\n');
  const parsed = rows.map((row) => {
    const cells = Object.fromEntries(row.split(',').map((c, i) => [header.split(',')[i], c]));
    return csvRowToBody(cells);
  });

  it('reads back as the planned outcomes, each row valid with its own key', () => {
    expect(parsed).toHaveLength(planned.length);
    parsed.forEach((row, i) => {
      expect(row.errors).toEqual([]);
      expect(row.key).toBe(`demo-op-1-earlier-${i}`);
      const checked = validateOutcomeBody(row.body);
      expect(checked.ok ? [] : checked.errors).toEqual([]);
      const expected = validateOutcomeBody({ ...planned[i].body, occurredAt: row.body.occurredAt });
      expect(checked.ok && expected.ok && checked.value).toEqual(expected.ok && expected.value);
    });
  });

  it('lies within the week and leans to its end', () => {
    const at = parsed.map((r) => (Date.parse(String(r.body.occurredAt)) - startsAt) / WEEK_MS);
    expect(Math.min(...at)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...at)).toBeLessThan(1);
    const secondHalf = at.filter((a) => a >= 0.5).length;
    expect(secondHalf / at.length).toBeGreaterThan(0.65);
  });
});
