import { Board, emptyHandoffCounts } from '@intensify/contracts';
import { FORCES, REGIONS } from '@intensify/reference-data';
import { scopeBoard } from './board.service';

const MET = 'E23000001';
const KENT = 'E23000032';
const byCode = (codes: string[]) => Object.fromEntries(codes.map((c) => [c, {}]));
const handoffsBy = (codes: string[]) =>
  Object.fromEntries(codes.map((c) => [c, { ...emptyHandoffCounts(), raised: 1 }]));

const board = {
  regions: byCode(REGIONS.map((r) => r.code)),
  forces: byCode(FORCES.map((f) => f.code)),
  taskingsByRegion: byCode(REGIONS.map((r) => r.code)),
  taskingsByForce: byCode(FORCES.map((f) => f.code)),
  overdueTaskings: [],
  handoffs: { ...emptyHandoffCounts(), raised: 44 },
  handoffsByRegion: handoffsBy(REGIONS.map((r) => r.code)),
  handoffsByForce: handoffsBy(FORCES.map((f) => f.code)),
} as unknown as Board;

describe('hand-offs on a scoped board', () => {
  it('shows a scoped commander its own region and forces only, and the national count', () => {
    const seen = scopeBoard(board, { sub: 'c', role: 'commander', region: 'london' });
    expect(Object.keys(seen.handoffsByRegion)).toEqual(['london']);
    expect(Object.keys(seen.handoffsByForce)).toEqual(Object.keys(seen.taskingsByForce));
    expect(seen.handoffsByForce[MET]).toMatchObject({ raised: 1 });
    expect(seen.handoffsByForce[KENT]).toBeUndefined();
    expect(seen.handoffs.raised).toBe(44);
  });

  it('shows a force user its own force only', () => {
    const seen = scopeBoard(board, { sub: 'f', role: 'force', force: KENT });
    expect(Object.keys(seen.handoffsByForce)).toEqual([KENT]);
    expect(seen.handoffsByRegion).toEqual({});
  });

  it('shows the nclcc every force and region', () => {
    const seen = scopeBoard(board, { sub: 'n', role: 'nclcc' });
    expect(Object.keys(seen.handoffsByForce)).toHaveLength(44);
    expect(Object.keys(seen.handoffsByRegion)).toHaveLength(10);
  });
});
