import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../support/api';
import {
  applyDdtros,
  decide,
  freshBrand,
  freshNumber,
  registerLine,
} from '../support/intelligence';
import { createActiveWeek, hoursAgo, MERSEYSIDE, MET, report } from '../support/scenario';
import { runEnv } from '../support/run-env';
import { issue, taskingBody, tasking, transition } from '../support/taskings';

/** Unique to this run: found on the event log, it would mean free text reached a retained topic. */
const MARK = `zq${randomUUID().replace(/-/g, '')}`;
const text = (what: string) => `${MARK} ${what}`;

async function unpublishedEvents(): Promise<number> {
  const c = new Client({ connectionString: runEnv().databaseUrl });
  await c.connect();
  try {
    let n = 0;
    for (const schema of ['reporting', 'tasking', 'intelligence'])
      n += Number(
        (await c.query(`SELECT count(*) AS n FROM ${schema}.outbox WHERE published_at IS NULL`))
          .rows[0].n,
      );
    return n;
  } finally {
    await c.end();
  }
}

interface Logged {
  topic: string;
  type: string;
  version: number;
  aggregateId: string;
  raw: string;
}

function parseOrNothing(text: string | undefined): Partial<Logged> {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Partial<Logged>) : {};
  } catch {
    return {};
  }
}

/** Every message of every topic of this run, from the beginning, headers and all. */
async function readEveryTopic(): Promise<Logged[]> {
  const { kafkaBrokers, topicPrefix } = runEnv();
  const kafka = new Kafka({ brokers: kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
  const ends = new Map<string, number>();
  for (const topic of topics)
    for (const p of await admin.fetchTopicOffsets(topic))
      if (Number(p.high) > Number(p.low)) ends.set(`${topic}/${p.partition}`, Number(p.high));
  await admin.disconnect();

  const messages: Logged[] = [];
  const consumer = kafka.consumer({ groupId: `${topicPrefix}free-text-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const left = new Set(ends.keys());
  const done = new Promise<void>((resolve) => {
    if (!left.size) resolve();
    void consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const raw = [
          message.key?.toString() ?? '',
          message.value?.toString() ?? '',
          ...Object.values(message.headers ?? {}).map((h) => String(h)),
        ].join('\n');
        // Other tests of the run publish poison (not JSON) on purpose: its raw text is read all the same.
        const event = parseOrNothing(message.value?.toString());
        messages.push({ type: '', version: 0, aggregateId: '', ...event, topic, raw });
        const key = `${topic}/${partition}`;
        if (Number(message.offset) + 1 >= (ends.get(key) ?? 0)) left.delete(key);
        if (!left.size) resolve();
      },
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      done,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`topics not read to the end: ${[...left]}`)),
          30_000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
  await consumer.disconnect();
  return messages;
}

describe('free text stays off the event log', () => {
  const nclcc = () => tokenFor({ role: 'nclcc' });

  it('keeps every note and reason out of Kafka and still answers it from the owning service', async () => {
    const week = await createActiveWeek('Free text week');

    // Outcomes: a note when reported, a note in a correction, a note in a CSV row, a retraction.
    const reported = await report(week.id, {
      type: 'arrest',
      force: MERSEYSIDE,
      occurredAt: hoursAgo(1),
      count: 1,
      note: text('reported'),
    });
    expect(reported.status).toBe(202);
    const corrected = await api('POST', `/api/v1/outcomes/${reported.body.id}/corrections`, {
      token: await nclcc(),
      body: {
        type: 'arrest',
        force: MERSEYSIDE,
        occurredAt: hoursAgo(1),
        count: 2,
        note: text('corrected'),
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(corrected.status).toBe(202);
    const imported = await api('POST', `/api/v1/operations/${week.id}/outcomes/import`, {
      token: await nclcc(),
      raw: `idempotencyKey,type,force,occurredAt,count,note\n${randomUUID()},arrest,${MET},${hoursAgo(1)},1,${text('imported')}`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.body.accepted).toBe(1);
    const retracted = await report(week.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
    });
    expect(
      (
        await api('POST', `/api/v1/outcomes/${retracted.body.id}/retraction`, {
          token: await nclcc(),
          body: { reason: text('retracted') },
        })
      ).status,
    ).toBe(202);

    // Taskings: notes on acknowledge, start and complete; decline, cancel and reassign reasons.
    const made = await issue(week.id, {
      taskings: [taskingBody(MERSEYSIDE), taskingBody(MET), taskingBody(MET), taskingBody(MET)],
    });
    expect(made.status).toBe(201);
    const [done, declined, cancelled, reassigned] = made.body.taskings.map(
      (t: { id: string }) => t.id,
    );
    for (const [id, name, body] of [
      [done, 'acknowledge', { note: text('acknowledged') }],
      [done, 'start', { note: text('started') }],
      [done, 'complete', { note: text('completed') }],
      [declined, 'decline', { reason: text('declined') }],
      [cancelled, 'cancel', { reason: text('cancelled') }],
      [reassigned, 'reassign', { force: MERSEYSIDE, reason: text('reassigned') }],
    ] as const)
      expect({ name, status: (await transition(id, name, body)).status }).toEqual({
        name,
        status: 200,
      });

    // A refused DDTRO.
    const number = freshNumber();
    const line = await registerLine({
      brand: freshBrand('Free text'),
      exportingForce: MERSEYSIDE,
      importingForces: [MET],
      numbers: [number],
    });
    const [order] = (await applyDdtros(line.id, [number])).body.ddtros;
    expect((await decide(order.id, 'refuse', { reason: text('refused') })).status).toBe(200);

    // A week closed and reopened with a reason.
    const other = await createActiveWeek('Free text reopened week');
    expect(
      (await api('POST', `/api/v1/operations/${other.id}/close`, { token: await nclcc() })).status,
    ).toBe(200);
    const reopened = await api('POST', `/api/v1/operations/${other.id}/reopen`, {
      token: await nclcc(),
      body: { reason: text('reopened') },
    });
    expect(reopened.status).toBe(200);

    // A focus force overridden with a reason: the event carries its code only.
    const overridden = await api(
      'PUT',
      `/api/v1/operations/${week.id}/focus-forces/${MERSEYSIDE}`,
      {
        token: await nclcc(),
        body: { focus: false, reasonCode: 'capacity', reason: text('overridden') },
      },
    );
    expect(overridden.status).toBe(200);

    await waitFor(unpublishedEvents, (n) => n === 0, {
      timeoutMs: 20_000,
      what: 'every outbox relayed to Kafka',
    });
    const log = await readEveryTopic();

    // The reader saw this run's events, in their text-free versions...
    const seen = (type: string, aggregateId: string) =>
      log.filter((e) => e.type === type && e.aggregateId === aggregateId).map((e) => e.version);
    expect(seen('outcome.recorded', reported.body.id)).toEqual([2, 2]);
    expect(seen('outcome.retracted', retracted.body.id)).toEqual([2]);
    expect(seen('tasking.declined', declined)).toEqual([2]);
    expect(seen('tasking.completed', done)).toEqual([2]);
    expect(seen('ddtro.refused', order.id)).toEqual([2]);
    expect(seen('operation.reopened', other.id)).toEqual([2]);
    expect(seen('operation.focus-lines-set', week.id)).toEqual([2]);
    // ...and none of the text.
    expect(log.filter((e) => e.raw.includes(MARK)).map((e) => `${e.type} v${e.version}`)).toEqual(
      [],
    );

    // The owning services still answer the text on their reads.
    const outcomes = (
      await api('GET', `/api/v1/operations/${week.id}/outcomes?limit=100`, { token: await nclcc() })
    ).body.items;
    const notes = outcomes.flatMap((o: { versions: { body: { note?: string } }[] }) =>
      o.versions.map((v) => v.body.note),
    );
    for (const what of ['reported', 'corrected', 'imported']) expect(notes).toContain(text(what));
    expect(outcomes.find((o: { id: string }) => o.id === retracted.body.id).retraction.reason).toBe(
      text('retracted'),
    );
    const history = async (id: string) =>
      (await tasking(id)).history.map((h: { details: object }) => h.details);
    expect(await history(done)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ note: text('acknowledged') }),
        expect.objectContaining({ note: text('started') }),
        expect.objectContaining({ note: text('completed') }),
      ]),
    );
    expect((await tasking(declined)).declineReason).toBe(text('declined'));
    expect((await tasking(cancelled)).cancelReason).toBe(text('cancelled'));
    expect(await history(reassigned)).toContainEqual(
      expect.objectContaining({ reason: text('reassigned') }),
    );
    const orders = (await api('GET', `/api/v1/ddtros?lineId=${line.id}`, { token: await nclcc() }))
      .body.items;
    expect(orders[0].refusalReason).toBe(text('refused'));
    const audit = (
      await api('GET', `/api/v1/audit?operationId=${other.id}`, { token: await nclcc() })
    ).body.items;
    expect(
      audit.find((a: { action: string }) => a.action === 'operation.reopened').details,
    ).toEqual({ reason: text('reopened') });
    const focus = (
      await api('GET', `/api/v1/operations/${week.id}/focus-lines`, { token: await nclcc() })
    ).body;
    expect(focus.overrides[0].reason).toBe(text('overridden'));
  });
});
