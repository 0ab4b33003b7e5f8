import { ConsumedEvent } from '@intensify/messaging';
import { SumsModel, Write } from '../read-models/read-model';
import { outcomeChangeOf } from '../read-models/outcome-changes';
import {
  TALLY_COLUMNS,
  TallyVector,
  addOutcome,
  addTalliesSql,
  isZero,
  zeroVector,
} from './tally-vector';

interface BoardDelta {
  forces: Map<string, TallyVector>;
  eventsApplied: number;
}

/**
 * Folds a batch into per-operation, per-force deltas in memory. Each outcome event carries
 * the version it replaces, so the delta is `current - previous` and the fold is a plain sum:
 * the order in which partitions are read does not matter.
 */
export function foldBoardTallies(events: ConsumedEvent[]): Map<string, BoardDelta> {
  const boards = new Map<string, BoardDelta>();
  const board = (operationId: string) => {
    let b = boards.get(operationId);
    if (!b) boards.set(operationId, (b = { forces: new Map(), eventsApplied: 0 }));
    return b;
  };
  const forceDelta = (b: BoardDelta, force: string) => {
    let v = b.forces.get(force);
    if (!v) b.forces.set(force, (v = zeroVector()));
    return v;
  };
  for (const { event } of events) {
    const change = outcomeChangeOf(event);
    if (!change) continue;
    const b = board(change.operationId);
    for (const [o, sign] of change.moves) addOutcome(forceDelta(b, o.force), o, sign);
    b.eventsApplied += 1;
  }
  return boards;
}

/** Each force's outcome figures per operation, and how many outcome events the board has applied. */
export const boardTallies: SumsModel = {
  writes(events) {
    const boards = foldBoardTallies(events);
    if (boards.size === 0) return { writes: [], operations: [] };
    // Rows are written in one order (operation, then force) by every batch, so batches of
    // different partitions committing at once wait for each other instead of deadlocking.
    // One statement per table for the whole batch, whatever the number of operations in it.
    const operations = [...boards.keys()].sort();
    const rows: [string, string, TallyVector][] = [];
    for (const operationId of operations) {
      const forces = [...boards.get(operationId)!.forces].sort(([a], [b]) => a.localeCompare(b));
      for (const [force, v] of forces) if (!isZero(v)) rows.push([operationId, force, v]);
    }
    const writes: Write[] = [];
    if (rows.length) {
      writes.push({
        sql: UPSERT_TALLIES,
        params: [
          rows.map(([operationId]) => operationId),
          rows.map(([, force]) => force),
          ...TALLY_COLUMNS.map((c) => rows.map(([, , v]) => v[c])),
        ],
      });
    }
    writes.push({
      sql: `INSERT INTO board_meta (operation_id, events_applied, updated_at)
       SELECT o, n, now() FROM unnest($1::uuid[], $2::bigint[]) AS x(o, n)
       ON CONFLICT (operation_id) DO UPDATE
       SET events_applied = board_meta.events_applied + EXCLUDED.events_applied, updated_at = now()`,
      params: [operations, operations.map((id) => boards.get(id)!.eventsApplied)],
    });
    return { writes, operations };
  },
};

const UPSERT_TALLIES = addTalliesSql('force_tallies', [
  ['operation_id', 'uuid'],
  ['force', 'text'],
]);
