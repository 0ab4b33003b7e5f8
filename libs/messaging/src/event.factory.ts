import { randomUUID } from 'node:crypto';
import { Actor, EventEnvelope, validateEvent } from '@intensify/contracts';

export interface NewEvent<P> {
  type: string;
  version: number;
  aggregateId: string;
  occurredAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  payload: P;
}

/** Builds an envelope and checks it against its schema, so nothing invalid reaches an outbox. */
export function newEvent<P>(e: NewEvent<P>, now: Date = new Date()): EventEnvelope<P> {
  const event: EventEnvelope<P> = {
    id: randomUUID(),
    type: e.type,
    version: e.version,
    aggregateId: e.aggregateId,
    occurredAt: e.occurredAt,
    recordedAt: now.toISOString(),
    actor: e.actor,
    correlationId: e.correlationId,
    ...(e.causationId && { causationId: e.causationId }),
    payload: e.payload,
  };
  const errors = validateEvent(event);
  if (errors.length) {
    throw new Error(
      `invalid ${e.type} v${e.version} event: ${errors.map((x) => `${x.field} ${x.message}`).join('; ')}`,
    );
  }
  return event;
}
