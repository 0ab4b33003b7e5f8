import { Principal } from '@intensify/auth';
import { Board, emptyHandoffCounts, Tasking } from '@intensify/contracts';
import { FORCES, REGIONS } from '@intensify/reference-data';
import { scopeBoard } from '../board/board.service';
import { scopeTaskings } from '../taskings/tasking-stream.service';
import { sseFrame } from './event-stream';
import { ScopedFrames, scopeKey } from './scoped-frames';

const MET = 'E23000001';
const KENT = 'E23000032';
const byCode = (codes: string[], v: (c: string) => unknown) =>
  Object.fromEntries(codes.map((c) => [c, v(c)]));

function aBoard(eventsApplied: number): Board {
  const regions = REGIONS.map((r) => r.code);
  const forces = FORCES.map((f) => f.code);
  return {
    operationId: 'op',
    eventsApplied,
    regions: byCode(regions, (c) => ({ arrests: c.length })),
    forces: byCode(forces, (c) => ({ arrests: c.charCodeAt(5) })),
    taskingsByRegion: byCode(regions, () => ({ issued: 1 })),
    taskingsByForce: byCode(forces, () => ({ issued: 1 })),
    overdueTaskings: [{ force: MET }, { force: KENT }],
    handoffs: emptyHandoffCounts(),
    handoffsByRegion: byCode(regions, () => emptyHandoffCounts()),
    handoffsByForce: byCode(forces, () => emptyHandoffCounts()),
  } as unknown as Board;
}

const VIEWERS: Principal[] = [
  { sub: 'n', role: 'nclcc' },
  { sub: 'c', role: 'commander' },
  { sub: 'cl', role: 'commander', region: 'london' },
  { sub: 'rl', role: 'regional', region: 'london' },
  { sub: 'rse', role: 'regional', region: 'south-east' },
  { sub: 'fk', role: 'force', force: KENT },
  { sub: 'fk2', role: 'force', force: KENT },
  { sub: 'fm', role: 'force', force: MET },
  { sub: 'btp', role: 'force', force: 'BTP' },
];

describe('frames shared per read scope', () => {
  it('gives every viewer exactly the frame its own scope filter would make', () => {
    const frames = new ScopedFrames<Board>('board', scopeBoard);
    const board = aBoard(7);
    for (const p of VIEWERS)
      expect(frames.frame(board, p).toString()).toBe(
        sseFrame('board', scopeBoard(board, p)).toString(),
      );
  });

  it('scopes and encodes once per read scope and hands the same bytes to its viewers', () => {
    const scope = jest.fn(scopeBoard);
    const frames = new ScopedFrames<Board>('board', scope);
    const board = aBoard(1);
    const sent = VIEWERS.map((p) => frames.frame(board, p));
    // nclcc = national commander; regional london = commander london; two Kent users.
    expect(scope).toHaveBeenCalledTimes(6);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[3]).toBe(sent[2]);
    expect(sent[6]).toBe(sent[5]);
    expect(new Set(sent).size).toBe(6);
    expect(frames.frame(board, { sub: 'other', role: 'force', force: KENT })).toBe(sent[5]);
    expect(scope).toHaveBeenCalledTimes(6);
  });

  it('makes new frames for a new value', () => {
    const frames = new ScopedFrames<Board>('board', scopeBoard);
    const first = frames.frame(aBoard(1), VIEWERS[0]);
    const next = frames.frame(aBoard(2), VIEWERS[0]);
    expect(next).not.toBe(first);
    expect(JSON.parse(next.toString().split('data: ')[1]).eventsApplied).toBe(2);
  });

  it('keys scopes by the policy, not by role: a force user never shares a regional frame', () => {
    expect(scopeKey({ sub: 'a', role: 'nclcc' })).toBe(scopeKey({ sub: 'b', role: 'commander' }));
    expect(scopeKey({ sub: 'a', role: 'regional', region: 'london' })).toBe(
      scopeKey({ sub: 'b', role: 'commander', region: 'london' }),
    );
    expect(scopeKey({ sub: 'a', role: 'force', force: MET })).not.toBe(
      scopeKey({ sub: 'b', role: 'regional', region: 'london' }),
    );
    expect(scopeKey({ sub: 'a', role: 'force', force: MET })).not.toBe(
      scopeKey({ sub: 'b', role: 'force', force: KENT }),
    );
  });

  it('scopes taskings the same way', () => {
    const all = [
      { id: '1', force: MET },
      { id: '2', force: KENT },
    ] as unknown as Tasking[];
    const frames = new ScopedFrames<{ all: Tasking[] }>('taskings', (v, p) =>
      scopeTaskings(v.all, p),
    );
    const value = { all };
    for (const p of VIEWERS)
      expect(frames.frame(value, p).toString()).toBe(
        sseFrame('taskings', scopeTaskings(all, p)).toString(),
      );
  });
});
