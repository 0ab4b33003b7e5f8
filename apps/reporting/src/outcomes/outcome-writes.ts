import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  Actor,
  FieldError,
  Outcome,
  OUTCOME_RECORDED_V2,
  outcomeFigures,
  OutcomeRecordedV2,
  outcomeEventKey,
} from '@intensify/contracts';
import { appendToOutbox, newEvent, OutboxMessage } from '@intensify/messaging';
import { audit, fingerprint } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { OperationEntity } from '../operations/operation.entity';
import { requestPrint } from './outcome-keys';
import { occurredAtError } from './occurred-at.rule';

export interface NewOutcome {
  key: string;
  outcome: Outcome;
  actor: Actor;
  correlationId: string;
}

export type NewOutcomeResult =
  | { status: 'accepted'; id: string }
  | { status: 'duplicate'; id: string }
  | { status: 'conflict' }
  | { status: 'invalid'; errors: FieldError[] };

export interface OutcomeWriteSettings {
  outcomesTopic: string;
  clockSkewMs: number;
  /** Recorded in each outcome's audit details (e.g. `import`). */
  via: string;
  /**
   * The caller has just looked these keys up in the same transaction: a key committed since
   * then is still caught, by the claim's ON CONFLICT.
   */
  keysChecked?: boolean;
}

interface Claimed {
  index: number;
  id: string;
  key: string;
  print: string;
}

const CHUNK = 1000;

/**
 * Records new outcomes of one open operation in the caller's transaction, as many as given,
 * with a few multi-row statements: keys, outcomes, first versions, outbox events, audit.
 * Each item gets its own result; a key seen before (in this batch or earlier) is a duplicate
 * when the request is the same and a conflict when it is not.
 */
export async function recordOutcomes(
  m: EntityManager,
  op: OperationEntity,
  items: NewOutcome[],
  ctx: OutcomeWriteSettings,
): Promise<NewOutcomeResult[]> {
  const results: NewOutcomeResult[] = new Array(items.length);
  const prints = items.map((i) => fingerprint(requestPrint('record', op.id, i.outcome)));
  const firstByKey = new Map<string, number>();
  const candidates: number[] = [];
  const now = new Date();
  items.forEach((item, i) => {
    const bad = occurredAtError(item.outcome.occurredAt, op, now, ctx.clockSkewMs);
    if (bad) results[i] = { status: 'invalid', errors: [bad] };
    else if (!firstByKey.has(item.key)) {
      firstByKey.set(item.key, i);
      candidates.push(i);
    }
  });

  const seen = ctx.keysChecked
    ? new Map<string, { fingerprint: string; outcomeId: string }>()
    : await existingKeys(
        m,
        op.id,
        candidates.map((i) => items[i].key),
      );
  const claims: Claimed[] = [];
  for (const i of candidates) {
    const prior = seen.get(items[i].key);
    if (prior)
      results[i] =
        prior.fingerprint === prints[i]
          ? { status: 'duplicate', id: prior.outcomeId }
          : { status: 'conflict' };
    else claims.push({ index: i, id: randomUUID(), key: items[i].key, print: prints[i] });
  }

  const won = await claimKeys(m, op.id, claims);
  const lost = claims.filter((c) => !won.has(c.key));
  if (lost.length) {
    // Concurrent requests with these keys committed first; our inserts waited for them.
    const now = await existingKeys(
      m,
      op.id,
      lost.map((c) => c.key),
    );
    for (const c of lost) {
      const prior = now.get(c.key)!;
      results[c.index] =
        prior.fingerprint === c.print
          ? { status: 'duplicate', id: prior.outcomeId }
          : { status: 'conflict' };
    }
  }
  const fresh = claims.filter((c) => won.has(c.key));
  for (const c of fresh) results[c.index] = { status: 'accepted', id: c.id };
  await storeNew(
    m,
    op.id,
    fresh.map((c) => ({ id: c.id, ...items[c.index] })),
    ctx,
    now,
  );

  // Later copies of a key within the batch follow the fate of its first row.
  items.forEach((item, i) => {
    if (results[i]) return;
    const first = firstByKey.get(item.key)!;
    const r = results[first];
    if (prints[i] !== prints[first]) results[i] = { status: 'conflict' };
    else if (r.status === 'accepted' || r.status === 'duplicate')
      results[i] = { status: 'duplicate', id: r.id };
    else results[i] = r;
  });
  return results;
}

async function existingKeys(m: EntityManager, operationId: string, keys: string[]) {
  const found = new Map<string, { fingerprint: string; outcomeId: string }>();
  for (let s = 0; s < keys.length; s += CHUNK) {
    const rows: { key: string; fingerprint: string; outcome_id: string }[] = await m.query(
      `SELECT key, fingerprint, outcome_id FROM reporting.idempotency_keys WHERE operation_id = $1 AND key = ANY($2::text[])`,
      [operationId, keys.slice(s, s + CHUNK)],
    );
    for (const r of rows) found.set(r.key, { fingerprint: r.fingerprint, outcomeId: r.outcome_id });
  }
  return found;
}

async function claimKeys(
  m: EntityManager,
  operationId: string,
  claims: Claimed[],
): Promise<Set<string>> {
  const won = new Set<string>();
  for (let s = 0; s < claims.length; s += CHUNK) {
    const chunk = claims.slice(s, s + CHUNK);
    const rows: { key: string }[] = await m.query(
      `INSERT INTO reporting.idempotency_keys (operation_id, key, fingerprint, outcome_id, response)
       SELECT $1::uuid, k, f, o::uuid, jsonb_build_object('id', o, 'status', 'accepted')
       FROM unnest($2::text[], $3::text[], $4::text[]) AS t(k, f, o)
       ON CONFLICT DO NOTHING RETURNING key`,
      [operationId, chunk.map((c) => c.key), chunk.map((c) => c.print), chunk.map((c) => c.id)],
    );
    for (const r of rows) won.add(r.key);
  }
  return won;
}

async function storeNew(
  m: EntityManager,
  operationId: string,
  rows: (NewOutcome & { id: string })[],
  ctx: OutcomeWriteSettings,
  now: Date,
): Promise<void> {
  for (let s = 0; s < rows.length; s += CHUNK) {
    const chunk = rows.slice(s, s + CHUNK);
    const ids = chunk.map((r) => r.id);
    const bodies = chunk.map((r) => JSON.stringify(r.outcome));
    await m.query(
      `INSERT INTO reporting.outcomes (id, operation_id, force, type, version, current, created_at, updated_at)
       SELECT o::uuid, $1::uuid, f, t, 1, b::jsonb, $5, $5 FROM unnest($2::text[], $3::text[], $4::text[], $6::text[]) AS x(o, f, t, b)`,
      [
        operationId,
        ids,
        chunk.map((r) => r.outcome.force),
        chunk.map((r) => r.outcome.type),
        now,
        bodies,
      ],
    );
    await m.query(
      `INSERT INTO reporting.outcome_versions (outcome_id, version, body, actor, correlation_id, recorded_at)
       SELECT o::uuid, 1, b::jsonb, a::jsonb, c, $2 FROM unnest($1::text[], $3::text[], $4::text[], $5::text[]) AS x(o, b, a, c)`,
      [
        ids,
        now,
        bodies,
        chunk.map((r) => JSON.stringify(r.actor)),
        chunk.map((r) => r.correlationId),
      ],
    );
    const messages: OutboxMessage[] = chunk.map((r) => ({
      topic: ctx.outcomesTopic,
      key: outcomeEventKey(operationId),
      event: newEvent<OutcomeRecordedV2>(
        {
          ...OUTCOME_RECORDED_V2,
          aggregateId: r.id,
          occurredAt: r.outcome.occurredAt,
          actor: r.actor,
          correlationId: r.correlationId,
          payload: {
            outcomeId: r.id,
            operationId,
            version: 1,
            current: outcomeFigures(r.outcome),
            previous: null,
          },
        },
        now,
      ),
    }));
    // Each row has its own caller (a batch shares one transaction), so not `recordChanges`.
    await appendToOutbox(m, SCHEMA, messages);
    await audit(
      m,
      SCHEMA,
      chunk.map((r) => ({
        actor: r.actor,
        action: 'outcome.recorded',
        operationId,
        subjectId: r.id,
        correlationId: r.correlationId,
        details: { via: ctx.via, type: r.outcome.type, force: r.outcome.force, version: 1 },
      })),
    );
  }
}
