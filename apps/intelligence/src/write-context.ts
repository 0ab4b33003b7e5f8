import { EntityManager } from 'typeorm';
import { Actor } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { audit } from './audit/audit-log';
import { SCHEMA } from './config';

/** Everything a change to the register needs: the transaction, who, why and when. */
export interface WriteContext {
  m: EntityManager;
  topic: string;
  actor: Actor;
  correlationId: string;
  now: Date;
}

/** Register writes queue behind one another, so cross-line checks (deconfliction) see every line. */
export async function lockRegister(m: EntityManager): Promise<void> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('intelligence.register'))`);
}

export interface Happened {
  kind: { type: string; version: number };
  aggregateId: string;
  payload: object;
  audit?: Record<string, unknown>;
}

/** Each change becomes an event in the outbox and an audit record, in the caller's transaction. */
export async function record(ctx: WriteContext, happened: Happened[]): Promise<void> {
  if (happened.length === 0) return;
  await appendToOutbox(
    ctx.m,
    SCHEMA,
    happened.map((h) => ({
      topic: ctx.topic,
      event: newEvent(
        {
          ...h.kind,
          aggregateId: h.aggregateId,
          occurredAt: ctx.now.toISOString(),
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          payload: h.payload,
        },
        ctx.now,
      ),
    })),
  );
  await audit(
    ctx.m,
    happened.map((h) => ({
      actor: ctx.actor,
      action: h.kind.type,
      subjectId: h.aggregateId,
      correlationId: ctx.correlationId,
      details: h.audit ?? {},
    })),
  );
}
