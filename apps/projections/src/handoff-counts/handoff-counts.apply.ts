import { EntityManager } from 'typeorm';
import { HandoffEventV1, isHandoffEvent } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';
import {
  foldHandoffEvents,
  freshHandoffEvents,
  HANDOFF_COLUMNS,
  isWeekHandoff,
  WeekHandoffEvent,
} from './handoff-counts';

/** Each home force's hand-offs of a week per status, and overdue. */
export const handoffCounts: ReadModel = { apply: applyHandoffEvents };

/**
 * Skips copies by each hand-off's stored sequence (under a row lock), keeps each hand-off's
 * latest position and adds the batch's count changes. Hand-offs raised outside a week count on
 * no board, so they are not kept.
 */
async function applyHandoffEvents(m: EntityManager, events: ConsumedEvent[]): Promise<string[]> {
  const all = events
    .filter(({ event }) => isHandoffEvent(event.type))
    .map(({ event }) => event.payload as HandoffEventV1)
    .filter(isWeekHandoff);
  if (all.length === 0) return [];
  const ids = [...new Set(all.map((e) => e.handoffId))].sort();
  const rows: { handoff_id: string; seq: number }[] = await m.query(
    `SELECT handoff_id, seq FROM handoff_state WHERE handoff_id = ANY($1::uuid[]) ORDER BY handoff_id FOR UPDATE`,
    [ids],
  );
  const fresh = freshHandoffEvents(all, new Map(rows.map((r) => [r.handoff_id, r.seq])));
  if (fresh.length === 0) return [];
  await storeLatest(m, fresh);
  const byOperation = foldHandoffEvents(fresh);
  const operations = [...byOperation.keys()].sort();
  const cols = HANDOFF_COLUMNS.join(', ');
  const sets = HANDOFF_COLUMNS.map((c) => `${c} = handoff_counts.${c} + EXCLUDED.${c}`).join(', ');
  for (const operationId of operations) {
    const forces = [...byOperation.get(operationId)!].sort(([a], [b]) => a.localeCompare(b));
    await m.query(
      `INSERT INTO handoff_counts (operation_id, force, ${cols})
       SELECT $1::uuid, f, ${cols}
       FROM unnest($2::text[], ${HANDOFF_COLUMNS.map((_, i) => `$${i + 3}::int[]`).join(', ')})
         AS x(f, ${cols})
       ON CONFLICT (operation_id, force) DO UPDATE SET ${sets}`,
      [
        operationId,
        forces.map(([f]) => f),
        ...HANDOFF_COLUMNS.map((c) => forces.map(([, v]) => v[c])),
      ],
    );
  }
  await m.query(
    `INSERT INTO board_meta (operation_id, updated_at) SELECT unnest($1::uuid[]), now()
     ON CONFLICT (operation_id) DO UPDATE SET updated_at = now()`,
    [operations],
  );
  return operations;
}

/** Each hand-off's position after its last fresh event: the sequence copies are checked against. */
async function storeLatest(m: EntityManager, fresh: WeekHandoffEvent[]): Promise<void> {
  const latest = [...new Map(fresh.map((e) => [e.handoffId, e])).values()].sort((a, b) =>
    a.handoffId.localeCompare(b.handoffId),
  );
  await m.query(
    `INSERT INTO handoff_state (handoff_id, operation_id, seq, home_force, status, overdue, acknowledge_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::timestamptz[])
     ON CONFLICT (handoff_id) DO UPDATE SET seq = EXCLUDED.seq, home_force = EXCLUDED.home_force,
       status = EXCLUDED.status, overdue = EXCLUDED.overdue, acknowledge_by = EXCLUDED.acknowledge_by`,
    [
      latest.map((e) => e.handoffId),
      latest.map((e) => e.operationId),
      latest.map((e) => e.seq),
      latest.map((e) => e.homeForce),
      latest.map((e) => e.status),
      latest.map((e) => e.overdue),
      latest.map((e) => e.acknowledgeBy),
    ],
  );
}
