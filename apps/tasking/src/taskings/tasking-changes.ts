import { TASKING_FREE_TEXT, TaskingEventV1, TaskingPosition } from '@intensify/contracts';
import { recordChanges, WriteContext } from '@intensify/messaging';
import { positionOf, TaskingRow } from './tasking-row';

/** One event of a tasking: `tasking` is the row as it stands after it. */
export interface TaskingChange {
  kind: { type: string; version: number };
  seq: number;
  tasking: TaskingRow;
  previous: TaskingPosition | null;
  /**
   * Fields of this event type beyond the common ones; also the history entry's details. Its
   * free text (note, reason) stays in the history and audit record, off the event.
   */
  details?: Record<string, unknown>;
}

/**
 * Records changes already made to the rows: each becomes an event in the outbox, an entry in
 * the tasking's history and an audit record, all in the caller's transaction.
 */
export async function recordTaskingChanges(
  ctx: WriteContext,
  changes: TaskingChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await recordChanges(
    ctx,
    changes.map((c) => {
      const payload: TaskingEventV1 = {
        operationId: c.tasking.operation_id,
        taskingId: c.tasking.id,
        seq: c.seq,
        ...positionOf(c.tasking),
        priority: c.tasking.priority,
        dueAt: c.tasking.due_at.toISOString(),
        previous: c.previous,
        ...withoutFreeText(c.details),
      };
      return {
        kind: c.kind,
        aggregateId: c.tasking.id,
        payload,
        audit: {
          operationId: c.tasking.operation_id,
          details: { force: c.tasking.force, status: c.tasking.status, ...c.details },
        },
      };
    }),
  );
  const { actor } = ctx;
  await ctx.m.query(
    `INSERT INTO tasking.tasking_history (tasking_id, seq, type, at, actor, from_status, to_status, details)
     SELECT t::uuid, s, y, $4, $5::jsonb, f, o, d::jsonb
     FROM unnest($1::text[], $2::int[], $3::text[], $6::text[], $7::text[], $8::text[])
       AS x(t, s, y, f, o, d)`,
    [
      changes.map((c) => c.tasking.id),
      changes.map((c) => c.seq),
      changes.map((c) => c.kind.type),
      ctx.now,
      JSON.stringify({ sub: actor.sub, role: actor.role }),
      changes.map((c) => c.previous?.status ?? null),
      changes.map((c) => c.tasking.status),
      changes.map((c) => JSON.stringify(c.details ?? {})),
    ],
  );
}

function withoutFreeText(details: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([k]) => !(TASKING_FREE_TEXT as readonly string[]).includes(k)),
  );
}
