import { EntityManager } from 'typeorm';
import { isTaskingEvent, TaskingEventV1 } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';
import { COUNT_COLUMNS, foldTaskingEvents, freshTaskingEvents } from './tasking-counts';

/** Each force's taskings per status (and overdue) per operation, and the overdue list. */
export const taskingCounts: ReadModel = { apply: applyTaskingEvents };

/**
 * Skips copies by each tasking's stored sequence (under a row lock), keeps each tasking's latest
 * position (for the overdue list) and adds the batch's count changes.
 */
async function applyTaskingEvents(m: EntityManager, events: ConsumedEvent[]): Promise<string[]> {
  const all = events
    .filter(({ event }) => isTaskingEvent(event.type))
    .map(({ event }) => event.payload as TaskingEventV1);
  if (all.length === 0) return [];
  const ids = [...new Set(all.map((e) => e.taskingId))].sort();
  const rows: { tasking_id: string; seq: number }[] = await m.query(
    `SELECT tasking_id, seq FROM tasking_state WHERE tasking_id = ANY($1::uuid[]) ORDER BY tasking_id FOR UPDATE`,
    [ids],
  );
  const fresh = freshTaskingEvents(all, new Map(rows.map((r) => [r.tasking_id, r.seq])));
  if (fresh.length === 0) return [];
  await storeLatest(m, fresh);
  const byOperation = foldTaskingEvents(fresh);
  const operations = [...byOperation.keys()].sort();
  for (const operationId of operations) {
    const forces = [...byOperation.get(operationId)!].sort(([a], [b]) => a.localeCompare(b));
    const sets = COUNT_COLUMNS.map((c) => `${c} = tasking_counts.${c} + EXCLUDED.${c}`).join(', ');
    await m.query(
      `INSERT INTO tasking_counts (operation_id, force, ${COUNT_COLUMNS.join(', ')})
       SELECT $1::uuid, f, ${COUNT_COLUMNS.join(', ')}
       FROM unnest($2::text[], ${COUNT_COLUMNS.map((_, i) => `$${i + 3}::int[]`).join(', ')})
         AS x(f, ${COUNT_COLUMNS.join(', ')})
       ON CONFLICT (operation_id, force) DO UPDATE SET ${sets}`,
      [
        operationId,
        forces.map(([f]) => f),
        ...COUNT_COLUMNS.map((c) => forces.map(([, v]) => v[c])),
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

/** Each tasking's position after its last fresh event: what the overdue list reads. */
async function storeLatest(m: EntityManager, fresh: TaskingEventV1[]): Promise<void> {
  const latest = [...new Map(fresh.map((e) => [e.taskingId, e])).values()].sort((a, b) =>
    a.taskingId.localeCompare(b.taskingId),
  );
  await m.query(
    `INSERT INTO tasking_state (tasking_id, operation_id, seq, force, priority, due_at, status, overdue)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::boolean[])
     ON CONFLICT (tasking_id) DO UPDATE SET seq = EXCLUDED.seq, force = EXCLUDED.force,
       priority = EXCLUDED.priority, due_at = EXCLUDED.due_at, status = EXCLUDED.status,
       overdue = EXCLUDED.overdue`,
    [
      latest.map((e) => e.taskingId),
      latest.map((e) => e.operationId),
      latest.map((e) => e.seq),
      latest.map((e) => e.force),
      latest.map((e) => e.priority),
      latest.map((e) => e.dueAt),
      latest.map((e) => e.status),
      latest.map((e) => e.overdue),
    ],
  );
}
