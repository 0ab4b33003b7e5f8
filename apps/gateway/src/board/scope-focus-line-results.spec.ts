import { FocusLineResult, FocusLineResults } from '@intensify/contracts';
import { scopeFocusLineResults } from './scope-focus-line-results';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const KENT = 'E23000032';

const line = (
  lineId: string,
  exportingForce: string,
  importingForces: string[],
): FocusLineResult => ({
  lineId,
  exportingForce,
  importingForces,
  withheld: false,
  brand: `Brand ${lineId}`,
  numbersCutOff: 1,
  taskings: {
    total: 2,
    byStatus: {
      issued: 2,
      acknowledged: 0,
      'in-progress': 0,
      completed: 0,
      declined: 0,
      cancelled: 0,
    },
    overdue: 0,
    items: [
      { id: `${lineId}-a`, force: exportingForce, status: 'issued', overdue: false },
      { id: `${lineId}-b`, force: KENT, status: 'issued', overdue: false },
    ],
  },
});

const results = {
  operationId: 'op',
  focusLines: [line('met', MET, [MERSEYSIDE]), line('kent', KENT, [])],
  totals: { focusLines: 2 },
  forces: [
    { force: KENT, score: 3 },
    { force: MET, score: 2 },
  ],
} as unknown as FocusLineResults;

describe('focus-line results within a scope', () => {
  it('gives national callers everything', () => {
    expect(scopeFocusLineResults(results, { sub: 'n', role: 'nclcc' })).toBe(results);
    expect(scopeFocusLineResults(results, { sub: 'c', role: 'commander' })).toBe(results);
  });

  it('gives a force the detail of lines touching it, its own taskings and its own rank', () => {
    const seen = scopeFocusLineResults(results, { sub: 'f', role: 'force', force: MERSEYSIDE });
    expect(seen.focusLines[0]).toMatchObject({ lineId: 'met', withheld: false, numbersCutOff: 1 });
    expect(seen.focusLines[0].taskings!.items).toEqual([]);
    expect(seen.focusLines[0].taskings!.total).toBe(2);
    expect(seen.focusLines[1]).toEqual({
      lineId: 'kent',
      exportingForce: KENT,
      importingForces: [],
      withheld: true,
    });
    expect(seen.forces).toEqual([]);
    expect(seen.totals).toBe(results.totals);
  });

  it('gives a region the lines and forces of its region', () => {
    const seen = scopeFocusLineResults(results, { sub: 'r', role: 'regional', region: 'eastern' });
    expect(seen.focusLines.map((l) => l.withheld)).toEqual([true, false]);
    expect(seen.focusLines[1].taskings!.items.map((t) => t.force)).toEqual([KENT, KENT]);
    expect(seen.forces.map((f) => f.force)).toEqual([KENT]);
  });
});
