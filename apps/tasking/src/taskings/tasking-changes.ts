import { EntityManager } from 'typeorm';
import { Actor, TaskingEventV1, TaskingPosition } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { audit } from '../audit/audit-log';
import { SCHEMA } from '../config';
import { positionOf, TaskingRow } from './tasking-row';

/** One event of a tasking: `tasking` is the row as it stands after it. */
export interface TaskingChange {
  kind: { type: string; version: number };
  seq: number;
  tasking: TaskingRow;
  previous: TaskingPosition | null;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  at: Date;
  /** Fields of this event type beyond the common ones; also the history entry's details. */
  details?: Record<string, unknown>;
}

/**
 * Records changes already made to the rows: each becomes an event in the outbox, an entry in
 * the tasking's history and an audit record, all in the caller's transaction.
 */
export async function recordTaskingChanges(
  m: EntityManager,
  topic: string,
  changes: TaskingChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const events = changes.map((c) =>
    newEvent<TaskingEventV1>(
      {
        ...c.kind,
        aggregateId: c.tasking.id,
        occurredAt: c.at.toISOString(),
        actor: c.actor,
        correlationId: c.correlationId,
        causationId: c.causationId,
        payload: {
          operationId: c.tasking.operation_id,
          taskingId: c.tasking.id,
          seq: c.seq,
          ...positionOf(c.tasking),
          priority: c.tasking.priority,
          dueAt: c.tasking.due_at.toISOString(),
          previous: c.previous,
          ...c.details,
        },
      },
      c.at,
    ),
  );
  await appendToOutbox(
    m,
    SCHEMA,
    events.map((event) => ({ topic, event })),
  );
  await m.query(
    `INSERT INTO tasking.tasking_history (tasking_id, seq, type, at, actor, from_status, to_status, details)
     SELECT t::uuid, s, y, a, ac::jsonb, f, o, d::jsonb
     FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS x(t, s, y, a, ac, f, o, d)`,
    [
      changes.map((c) => c.tasking.id),
      changes.map((c) => c.seq),
      changes.map((c) => c.kind.type),
      changes.map((c) => c.at),
      changes.map((c) => JSON.stringify({ sub: c.actor.sub, role: c.actor.role })),
      changes.map((c) => c.previous?.status ?? null),
      changes.map((c) => c.tasking.status),
      changes.map((c) => JSON.stringify(c.details ?? {})),
    ],
  );
  await audit(
    m,
    changes.map((c) => ({
      actor: c.actor,
      action: c.kind.type,
      operationId: c.tasking.operation_id,
      subjectId: c.tasking.id,
      correlationId: c.correlationId,
      details: { force: c.tasking.force, status: c.tasking.status, ...c.details },
    })),
  );
}
