import { validateOutcomeBody } from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { Random } from './random';
import { planWeekOutcomes } from './week-outcomes';
import { planWeekTaskings } from './week-taskings';

const MET = 'E23000001';
const occurredAt = '2026-11-20T10:00:00.000Z';

describe('a demo week plan', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = planWeekOutcomes(new Random(7), 0.2);
    expect(planWeekOutcomes(new Random(7), 0.2)).toEqual(a);
    expect(planWeekOutcomes(new Random(8), 0.2)).not.toEqual(a);
  });

  it('holds only outcomes the API accepts, in time order within the week', () => {
    const plan = planWeekOutcomes(new Random(1), 0.3);
    for (const o of plan) {
      const checked = validateOutcomeBody({ ...o.body, occurredAt });
      expect(checked.ok ? [] : checked.errors).toEqual([]);
      expect(o.at).toBeGreaterThanOrEqual(0);
      expect(o.at).toBeLessThan(1);
    }
    expect(plan.map((o) => o.at)).toEqual([...plan.map((o) => o.at)].sort((x, y) => x - y));
  });

  it('lands near a published week at full scale and weights the big exporting force', () => {
    const plan = planWeekOutcomes(new Random(3), 1);
    const arrests = plan.reduce((n, o) => n + ((o.body.count as number) ?? 0), 0);
    expect(arrests).toBeGreaterThan(1200);
    expect(arrests).toBeLessThan(2200);
    const byForce = new Map<string, number>();
    for (const o of plan) byForce.set(o.body.force, (byForce.get(o.body.force) ?? 0) + 1);
    const busiest = [...byForce.entries()].sort((x, y) => y[1] - x[1])[0][0];
    expect(busiest).toBe(MET);
    expect(byForce.size).toBe(FORCE_CODES.length);
  });

  it('tasks every focus force and line once, each due after the start', () => {
    const plan = planWeekTaskings(
      new Random(5),
      [MET, 'E23000014'],
      [{ id: 'line-1', exportingForce: 'E23000004' }],
      [MET],
    );
    expect(plan.map((t) => [t.force, t.lineId])).toEqual([
      [MET, undefined],
      ['E23000014', undefined],
      ['E23000004', 'line-1'],
    ]);
    expect(plan[0].priority).toBe('P1');
    expect(plan[2].priority).toBe('P1');
    for (const t of plan) {
      expect(t.acknowledgeAt).toBeLessThan(t.startAt);
      expect(t.startAt).toBeLessThan(t.completeAt);
      expect(t.completeAt).toBeLessThan(t.due);
    }
  });
});
