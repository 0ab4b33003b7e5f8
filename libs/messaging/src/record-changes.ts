import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '@intensify/contracts';
import { audit } from '@intensify/persistence';
import { newEvent } from './event.factory';
import { appendToOutbox } from './outbox';

/** Everything a change needs besides itself: the transaction, where it goes, who, why and when. */
export interface WriteContext {
  m: EntityManager;
  /** The service's schema: its outbox and audit log. */
  schema: string;
  /** The topic its events go to, unless a change names another. */
  topic: string;
  actor: Actor;
  correlationId: string;
  now: Date;
}

/** One change the handler has made to its state: an event and its audit record. */
export interface Change {
  kind: { type: string; version: number };
  aggregateId: string;
  payload: object;
  /** When it happened, if not at `now` (an outcome's own time, a decision's date). */
  occurredAt?: string;
  causationId?: string;
  topic?: string;
  /** The Kafka key, when not the aggregate (outcome events are keyed by their week). */
  key?: string;
  audit?: {
    /** Defaults to the event type. */
    action?: string;
    operationId?: string | null;
    /** Defaults to the aggregate. */
    subjectId?: string | null;
    details?: Record<string, unknown>;
  };
}

/**
 * Records changes already written by the handler: each becomes an event in the outbox and an
 * audit record, in the caller's transaction, so they commit with the state or not at all.
 */
export async function recordChanges(ctx: WriteContext, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  await appendToOutbox(
    ctx.m,
    ctx.schema,
    changes.map((c) => ({
      topic: c.topic ?? ctx.topic,
      key: c.key,
      event: newEvent(
        {
          ...c.kind,
          aggregateId: c.aggregateId,
          occurredAt: c.occurredAt ?? ctx.now.toISOString(),
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          causationId: c.causationId,
          payload: c.payload,
        },
        ctx.now,
      ),
    })),
  );
  await audit(
    ctx.m,
    ctx.schema,
    changes.map((c) => ({
      actor: ctx.actor,
      action: c.audit?.action ?? c.kind.type,
      operationId: c.audit?.operationId,
      subjectId: c.audit?.subjectId === undefined ? c.aggregateId : c.audit.subjectId,
      correlationId: ctx.correlationId,
      details: c.audit?.details,
    })),
  );
}

export type WriteScope = Pick<WriteContext, 'schema' | 'topic' | 'actor' | 'correlationId'>;

/**
 * The skeleton every write shares: one transaction, a context for it at the clock's `now`,
 * the handler's work (lock, check, write, `recordChanges`), commit.
 */
export function writeInTransaction<T>(
  db: DataSource,
  scope: WriteScope & { now?: () => Date },
  work: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  return db.transaction((m) =>
    work({
      m,
      schema: scope.schema,
      topic: scope.topic,
      actor: scope.actor,
      correlationId: scope.correlationId,
      now: scope.now ? scope.now() : new Date(),
    }),
  );
}
