import { Outcome } from '@intensify/contracts';
import { outcomeVector } from '../board-tallies/tally-vector';
import { countLineDdtros, reportedLineDdtros } from './line-ddtros';

const LINE = '0b6f2a52-43a7-4a51-8f0e-7d7e3f1d9a01';
const lineOutcome = (fields: object) =>
  ({
    type: 'line',
    force: 'E23000001',
    occurredAt: '2026-11-02T10:00:00Z',
    action: 'disrupted',
    ddtroApplied: 0,
    ddtroGranted: 0,
    ...fields,
  }) as Outcome;
const counts = (applied: number, granted: number) => ({ applied, granted });

describe('DDTROs on a register line', () => {
  it('are taken from an outcome only when it names a register line and reports some', () => {
    expect(reportedLineDdtros(lineOutcome({ lineId: LINE, ddtroApplied: 2 }))).toEqual({
      lineId: LINE,
      applied: 2,
      granted: 0,
    });
    expect(reportedLineDdtros(lineOutcome({ lineId: LINE }))).toBeNull();
    expect(reportedLineDdtros(lineOutcome({ ddtroApplied: 1 }))).toBeNull();
    expect(reportedLineDdtros(lineOutcome({ lineId: 'LINE-7', ddtroApplied: 1 }))).toBeNull();
  });

  it('count once when entered both in the register and as an outcome flag', () => {
    const byForce = countLineDdtros([
      { force: 'E23000001', register: counts(1, 1), reported: counts(1, 1) },
    ]);
    expect(byForce.get('E23000001')).toEqual(counts(1, 1));
  });

  it('count from whichever entry exists, the larger when both do, summed over lines', () => {
    const byForce = countLineDdtros([
      { force: 'E23000001', register: counts(3, 0), reported: counts(1, 1) },
      { force: 'E23000001', register: counts(0, 0), reported: counts(2, 0) },
      { force: 'E23000005', register: counts(1, 0), reported: counts(0, 0) },
    ]);
    expect(byForce.get('E23000001')).toEqual(counts(5, 1));
    expect(byForce.get('E23000005')).toEqual(counts(1, 0));
  });
});

describe("an outcome's own DDTRO figures", () => {
  it('leave the force tally when it names a register line, which line-ddtros counts instead', () => {
    const flags = { ddtroApplied: 2, ddtroGranted: 1 };
    const named = outcomeVector(lineOutcome({ lineId: LINE, ...flags }));
    expect([named.lines_ddtro_applied, named.lines_ddtro_granted]).toEqual([0, 0]);
    expect(named.lines_disrupted).toBe(1);
    for (const o of [lineOutcome(flags), lineOutcome({ lineId: 'LINE-7', ...flags })]) {
      const v = outcomeVector(o);
      expect([v.lines_ddtro_applied, v.lines_ddtro_granted]).toEqual([2, 1]);
    }
  });
});
