import { baselineCsvRow, gamingCheckWeeks } from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { checkForce } from '../../../apps/projections/src/baselines/gaming-check';
import { Random } from './random';
import { nationalWeekFigures, planBaselines } from './week-baselines';

const WEEK = '2026-W48';

/** The CSV read back as the import reads it: force → week → figures. */
function parse(csv: string) {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header.split(',');
  const byForce = new Map<string, Map<string, any>>();
  for (const row of rows) {
    const cells = Object.fromEntries(row.split(',').map((c, i) => [columns[i], c]));
    const checked = baselineCsvRow(cells);
    if (!checked.ok) throw new Error(`${row}: ${JSON.stringify(checked.errors)}`);
    const { force, isoWeek, figures } = checked.value;
    if (!byForce.has(force)) byForce.set(force, new Map());
    byForce.get(force)!.set(isoWeek, figures);
  }
  return byForce;
}

describe('demo baselines', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(planBaselines(new Random(5), WEEK)).toEqual(planBaselines(new Random(5), WEEK));
    expect(planBaselines(new Random(6), WEEK).csv).not.toBe(planBaselines(new Random(5), WEEK).csv);
  });

  it('give every force the sixteen weeks before the week, each row one the import accepts', () => {
    const planned = planBaselines(new Random(1), WEEK);
    const { recent, baseline } = gamingCheckWeeks(WEEK);
    expect(planned.weeks).toEqual([...baseline, ...recent]);
    expect(planned.weeks).toHaveLength(16);
    const byForce = parse(planned.csv);
    expect([...byForce.keys()].sort()).toEqual([...FORCE_CODES].sort());
    for (const weeks of byForce.values()) expect([...weeks.keys()]).toEqual(planned.weeks);
    expect(planned.rows).toBe(FORCE_CODES.length * 16);
  });

  it('are scaled from the demo week at full volume: arrests nationally near its business as usual', () => {
    const byForce = parse(planBaselines(new Random(2), WEEK).csv);
    const first = planBaselines(new Random(2), WEEK).weeks[0];
    const arrests = [...byForce.values()].reduce((n, w) => n + w.get(first).arrests, 0);
    expect(arrests / nationalWeekFigures().arrests).toBeGreaterThan(0.5);
    expect(arrests / nationalWeekFigures().arrests).toBeLessThan(0.7);
  });

  it('make the gaming check flag exactly the deferring forces, whatever the seed', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const planned = planBaselines(new Random(seed), WEEK);
      expect(planned.deferringForces.length).toBeGreaterThanOrEqual(1);
      expect(planned.deferringForces.length).toBeLessThanOrEqual(2);
      const checked = [...parse(planned.csv)].map(([force, weeks]) =>
        checkForce(force, WEEK, weeks),
      );
      expect(checked.every((c) => c.status !== 'insufficient-history')).toBe(true);
      const flagged = checked.filter((c) => c.status === 'flagged').map((c) => c.force);
      expect(flagged.sort()).toEqual(planned.deferringForces);
    }
  });
});
