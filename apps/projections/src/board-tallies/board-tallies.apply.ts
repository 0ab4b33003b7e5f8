import { EntityManager } from 'typeorm';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';
import { outcomeChangeOf } from '../read-models/outcome-changes';
import { TALLY_COLUMNS, TallyVector, addOutcome, isZero, zeroVector } from './tally-vector';

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
export const boardTallies: ReadModel = {
  async apply(m, events) {
    const boards = foldBoardTallies(events);
    // Rows are written in one order (operation, then force) by every batch, so batches of
    // different partitions committing at once wait for each other instead of deadlocking.
    for (const [operationId, delta] of [...boards].sort(([a], [b]) => a.localeCompare(b))) {
      await upsertTallies(m, operationId, delta.forces);
      await m.query(
        `INSERT INTO board_meta (operation_id, events_applied, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (operation_id) DO UPDATE
         SET events_applied = board_meta.events_applied + EXCLUDED.events_applied, updated_at = now()`,
        [operationId, delta.eventsApplied],
      );
    }
    return boards.keys();
  },
};

async function upsertTallies(
  m: EntityManager,
  operationId: string,
  forces: Map<string, TallyVector>,
): Promise<void> {
  const rows = [...forces].filter(([, v]) => !isZero(v)).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return;
  const width = TALLY_COLUMNS.length + 2;
  const params: unknown[] = [];
  const values = rows.map(([force, v], i) => {
    params.push(operationId, force, ...TALLY_COLUMNS.map((c) => v[c]));
    return `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`;
  });
  const sets = TALLY_COLUMNS.map((c) => `${c} = force_tallies.${c} + EXCLUDED.${c}`).join(', ');
  await m.query(
    `INSERT INTO force_tallies (operation_id, force, ${TALLY_COLUMNS.join(', ')})
     VALUES ${values.join(', ')}
     ON CONFLICT (operation_id, force) DO UPDATE SET ${sets}`,
    params,
  );
}
