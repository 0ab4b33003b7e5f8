import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { kafkaSecurityOptions } from '@intensify/messaging';
import { pgClientConfig } from '@intensify/persistence';
import { databaseSsl, kafkaSecurity } from '@intensify/runtime';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';

async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client(pgClientConfig(runEnv().databaseUrl, databaseSsl()));
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

describe('every event delivered twice', () => {
  it('republishing the whole outbox changes no figure', async () => {
    const op = await createActiveWeek('Twice week');
    const a = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(3),
      count: 4,
    });
    await report(op.id, {
      type: 'seizure',
      force: MERSEYSIDE,
      occurredAt: hoursAgo(3),
      cashPence: 5000,
    });
    await api('POST', `/api/v1/outcomes/${a.body.id}/corrections`, {
      token: await tokenFor({ role: 'nclcc' }),
      body: { type: 'arrest', force: MET, occurredAt: hoursAgo(3), count: 6 },
      headers: { 'idempotency-key': randomUUID() },
    });
    const c = await report(op.id, {
      type: 'safeguarding',
      force: MET,
      occurredAt: hoursAgo(3),
      children: 2,
    });
    await api('POST', `/api/v1/outcomes/${c.body.id}/retraction`, {
      token: await tokenFor({ role: 'nclcc' }),
      body: { reason: 'dup' },
    });
    const before = await boardAfter(op.id, 5);

    // As if the relay crashed after sending but before marking: every row goes out again.
    const rows = await sql(`UPDATE reporting.outbox SET published_at = NULL RETURNING id`);
    expect(rows.length).toBeGreaterThanOrEqual(6);
    await waitFor(
      async () =>
        (await sql(`SELECT count(*)::int AS n FROM reporting.outbox WHERE published_at IS NULL`))[0]
          .n,
      (n) => n === 0,
      { what: 'the outbox to be republished' },
    );
    // A marker written after the republish proves the projection has read past the copies.
    await report(op.id, { type: 'arrest', force: MERSEYSIDE, occurredAt: hoursAgo(1), count: 1 });
    const after = await boardAfter(op.id, 6);
    expect(after.eventsApplied).toBe(6);
    expect(after.national).toEqual({ ...before.national, arrests: before.national.arrests + 1 });
    expect(after.forces[MET]).toEqual(before.forces[MET]);
    expect(after.forces[MET]).toMatchObject({ arrests: 6, safeguardedChildren: 0 });
  });
});

describe('poison messages', () => {
  it('go to the dead-letter topic with their reason and block no partition of any topic', async () => {
    const env = runEnv();
    const kafka = new Kafka({
      brokers: env.kafkaBrokers.split(','),
      ...kafkaSecurityOptions(kafkaSecurity()),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    const t = {
      outcomes: `${env.topicPrefix}outcomes.v1`,
      operations: `${env.topicPrefix}operations.v1`,
    };
    const dlq = `${env.topicPrefix}dead-letters.v1`;
    // One bad message at the head of every partition of every topic the projections read.
    const bad = { id: randomUUID(), type: 'outcome.recorded', version: 1, payload: {} };
    await producer.send({
      topic: t.outcomes,
      messages: [0, 1, 2, 3, 4, 5].map((partition) => ({
        partition,
        key: randomUUID(),
        value: 'not json at all',
      })),
    });
    await producer.send({
      topic: t.operations,
      messages: [0, 1, 2].map((partition) => ({
        partition,
        key: randomUUID(),
        value: JSON.stringify(bad),
      })),
    });
    const op = await createActiveWeek('Poison week');
    await producer.disconnect();
    for (let i = 0; i < 6; i++)
      await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 1 });
    const b = await boardAfter(op.id, 6);
    expect(b.national.arrests).toBe(6);

    const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}` });
    const seen: { reason: string; source: string; group: string }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({
          reason: String(message.headers?.['dead-letter-reason']),
          source: String(message.headers?.['source-topic']),
          group: String(message.headers?.['consumer-group']),
        });
      },
    });
    try {
      // Every group reading a topic dead-letters its poison once: projections and intelligence's
      // line closures read outcomes (6 each), projections alone reads operations (3).
      await waitFor(
        async () => seen.length,
        (n) => n >= 15,
        { timeoutMs: 20_000, what: 'fifteen dead letters' },
      );
    } finally {
      await consumer.disconnect();
    }
    const byGroup = (source: string) =>
      seen
        .filter((s) => s.source === source)
        .reduce<Record<string, number>>((n, s) => ({ ...n, [s.group]: (n[s.group] ?? 0) + 1 }), {});
    expect(byGroup(t.outcomes)).toEqual({
      [`${env.topicPrefix}projections.board.v1`]: 6,
      [`${env.topicPrefix}intelligence.line-outcomes.v1`]: 6,
    });
    expect(byGroup(t.operations)).toEqual({ [`${env.topicPrefix}projections.board.v1`]: 3 });
    expect(seen.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'value is not JSON',
        expect.stringMatching(/aggregateId|occurredAt|required/),
      ]),
    );
    const health = await api('GET', '/api/v1/health');
    expect(health.body.checks.consumer.projections.deadLettered).toBeGreaterThanOrEqual(9);
    expect((await board(op.id)).eventsApplied).toBe(6);
  });
});
