import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Admin, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  EventEnvelope,
  Outcome,
  OutcomeRecordedV1,
  topics,
  validateEvent,
} from '@intensify/contracts';
import { kafkaSecurityOptions } from '@intensify/messaging';
import { pgClientConfig } from '@intensify/persistence';
import { FORCE_CODES } from '@intensify/reference-data';
import { databaseSsl, kafkaSecurity } from '@intensify/runtime';
import { freePort, PlatformProcesses, waitFor } from '@intensify/testing';
import { runEnv } from '../support/run-env';
import { record } from './record';
import { recordRatiosWhenComplete, round, rssMb, shareResult, sleep } from './support/measure';
import { addInto, mixedOutcome } from './support/workload';

/**
 * Rebuild rate and the limits beside it, on one broker in one run: EVENTS `outcome.recorded`
 * events put straight on a topic of our own with kafkajs; a fresh projections process replays
 * them into a fresh database (timed from its start until the database counts every event, and
 * checked for exact totals); then a bare kafkajs consumer, Kafka's ConsumerPerformance and
 * ProducerPerformance against the same broker.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const BATCH = 10_000; // events generated, then sent, at a time
const REQUEST = 2_000; // events per produce request: under the broker's 1 MB per partition
const OPERATIONS = 20;
const CORRECT_EVERY = 20; // every 20th event corrects the outcome 10 events before it
const ROOT = join(__dirname, '..', '..');
const KAFKA_LIBS = join(
  process.env.INTENSIFY_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'intensify'),
  'kafka-3.9.1',
  'libs',
);
const run = promisify(execFile);

/** A correction: the same type, a figure changed, and every other one moved to another force. */
function corrected(o: Outcome, i: number): Outcome {
  const force = i % 40 === 39 ? FORCE_CODES[(i >> 3) % FORCE_CODES.length] : o.force;
  switch (o.type) {
    case 'arrest':
      return { ...o, force, count: o.count + 1, charged: 0 };
    case 'seizure':
      return { ...o, force, cashPence: o.cashPence + 1_001, drugs: o.drugs.slice(0, 1) };
    case 'safeguarding':
      return { ...o, force, adults: o.adults + 1 };
    case 'line':
      return { ...o, force, action: 'closed-type1', ddtroGranted: o.ddtroApplied };
  }
}

/** The events of one batch, with the expected read-model rows updated as they are made. */
function makeBatch(
  start: number,
  count: number,
  operationIds: string[],
  expected: Map<string, Record<string, number>>,
): { key: string; value: string }[] {
  const at = '2026-10-06T10:00:00.000Z';
  const made: { outcomeId: string; operationId: string; outcome: Outcome }[] = [];
  const messages: { key: string; value: string }[] = [];
  for (let k = 0; k < count; k++) {
    const i = start + k;
    let outcomeId: string;
    let operationId: string;
    let version = 1;
    let previous: Outcome | null = null;
    let current = mixedOutcome(i, at);
    if (i % CORRECT_EVERY === CORRECT_EVERY - 1 && k >= 10) {
      // A correction in the same request as the report it corrects: same key, same partition,
      // after it.
      const earlier = made[k - 10];
      ({ outcomeId, operationId } = earlier);
      previous = earlier.outcome;
      version = 2;
      current = corrected(earlier.outcome, i);
    } else {
      outcomeId = randomUUID();
      operationId = operationIds[i % operationIds.length];
    }
    made.push({ outcomeId, operationId, outcome: current });
    const row = (force: string) => {
      const key = `${operationId}|${force}`;
      let r = expected.get(key);
      if (!r) expected.set(key, (r = {}));
      return r;
    };
    addInto(row(current.force), current);
    if (previous) addInto(row(previous.force), previous, -1);
    const payload: OutcomeRecordedV1 = { outcomeId, operationId, version, current, previous };
    const envelope: EventEnvelope<OutcomeRecordedV1> = {
      id: randomUUID(),
      type: 'outcome.recorded',
      version: 1,
      aggregateId: outcomeId,
      occurredAt: at,
      recordedAt: at,
      actor: { sub: 'bench', role: 'nclcc' },
      correlationId: `bench-${i}`,
      payload,
    };
    messages.push({ key: outcomeId, value: JSON.stringify(envelope) });
  }
  return messages;
}

async function kafkaTool(main: string, args: string[]): Promise<string> {
  const { stdout, stderr } = await run(
    'java',
    [
      '-Xmx1g',
      `-Dlog4j.configuration=file:${join(ROOT, 'infra/kafka/log4j.properties')}`,
      '-cp',
      `${KAFKA_LIBS}/*`,
      main,
      ...args,
    ],
    { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return `${stdout}\n${stderr}`;
}

/**
 * ConsumerPerformance prints a header line and a line of values (comma-separated); columns are
 * found by name, so their order or extra columns do not matter.
 */
export function parseConsumerPerf(out: string): Record<string, number> {
  const lines = out.split('\n').map((l) => l.trim());
  const h = lines.findIndex((l) => /nMsg\.sec/.test(l) && l.includes(','));
  if (h < 0) throw new Error(`no ConsumerPerformance header in:\n${out}`);
  const names = lines[h].split(',').map((s) => s.trim());
  const values = lines
    .slice(h + 1)
    .find((l) => l.split(',').length === names.length)
    ?.split(',')
    .map((s) => s.trim());
  if (!values) throw new Error(`no ConsumerPerformance figures in:\n${out}`);
  return Object.fromEntries(names.map((n, i) => [n, Number(values[i])]));
}

/** ProducerPerformance ends with the total: "N records sent, R records/sec (M MB/sec), …". */
export function parseProducerPerf(out: string): {
  records: number;
  perSecond: number;
  p99ms: number;
} {
  const totals = [...out.matchAll(/(\d+) records sent, ([\d.]+) records\/sec[^\n]*/g)];
  const last = totals[totals.length - 1];
  if (!last) throw new Error(`no ProducerPerformance total in:\n${out}`);
  const p99 = last[0].match(/([\d.]+) ms 99th/);
  return {
    records: Number(last[1]),
    perSecond: Number(last[2]),
    p99ms: p99 ? Number(p99[1]) : NaN,
  };
}

describe(`rebuild rate: ${EVENTS} events replayed into fresh read models`, () => {
  const env = runEnv();
  const prefix = `bench-${Date.now().toString(36)}-${process.pid.toString(36)}.`;
  const t = topics(prefix);
  const perfTopic = `${prefix}producer-perf`;
  const database = `intensify_bench_${Date.now().toString(36)}_${process.pid.toString(36)}`;
  const databaseUrl = (() => {
    const u = new URL(env.databaseUrl);
    u.pathname = `/${database}`;
    return u.toString();
  })();
  const groups = [`${prefix}bare-kafkajs`, `${prefix}consumer-perf`];
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: env.kafkaBrokers.split(','),
    ...kafkaSecurityOptions(kafkaSecurity()),
    logLevel: logLevel.NOTHING,
  });
  const expected = new Map<string, Record<string, number>>();
  const figures: Record<string, number> = { events: EVENTS };
  let admin: Admin;
  let pg: Client;
  let produced = false;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    // The platform's topics under our prefix, with the platform's own specs.
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        ...Object.values(t),
        { name: perfTopic, partitions: t.outcomes.partitions, retentionMs: -1 },
      ].map((s) => ({
        topic: s.name,
        numPartitions: s.partitions,
        replicationFactor: -1,
        configEntries: [{ name: 'retention.ms', value: String(s.retentionMs) }],
      })),
    });
    pg = new Client(pgClientConfig(env.databaseUrl, databaseSsl()));
    await pg.connect();
  });

  afterAll(async () => {
    await pg.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await pg.end();
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin
      .deleteTopics({ topics: [...Object.values(t).map((s) => s.name), perfTopic] })
      .catch(() => undefined);
    await admin.disconnect();
    const met =
      figures.rebuildPerSecond >= 50_000 &&
      figures.rebuildPerSecond >= 0.5 * figures.bareKafkajsConsumerPerSecond;
    record(
      'rebuild',
      figures,
      '>= 50,000 events/s (start to last event) and >= half the bare kafkajs consumer',
      met,
    );
    shareResult('limits', figures);
    recordRatiosWhenComplete();
  });

  it(`produces ${EVENTS} events with kafkajs (batches of ${BATCH}, acks -1, no compression)`, async () => {
    const operationIds = Array.from({ length: OPERATIONS }, () => randomUUID());
    const producer: Producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    let bytes = 0;
    let sendMs = 0;
    const t0 = performance.now();
    try {
      for (let start = 0; start < EVENTS; start += BATCH) {
        const batch = makeBatch(start, Math.min(BATCH, EVENTS - start), operationIds, expected);
        // Valid events only: all of the first batch (every type, corrections), then a sample.
        for (let k = 0; k < batch.length; k += start === 0 ? 1 : 97) {
          const errors = validateEvent(JSON.parse(batch[k].value));
          if (errors.length) throw new Error(`event ${start + k}: ${JSON.stringify(errors)}`);
        }
        for (const m of batch) bytes += Buffer.byteLength(m.value);
        const s = performance.now();
        const sends = [];
        for (let k = 0; k < batch.length; k += REQUEST) {
          sends.push(
            producer.send({
              topic: t.outcomes.name,
              acks: -1,
              messages: batch.slice(k, k + REQUEST),
            }),
          );
        }
        await Promise.all(sends);
        sendMs += performance.now() - s;
      }
    } finally {
      await producer.disconnect();
    }
    const wallMs = performance.now() - t0;
    figures.eventBytes = Math.round(bytes / EVENTS);
    figures.produceKafkajsPerSecond = Math.round(EVENTS / (sendMs / 1000));
    figures.produceWithGenerationPerSecond = Math.round(EVENTS / (wallMs / 1000));
    figures.operations = OPERATIONS;
    figures.corrections = Math.floor(EVENTS / CORRECT_EVERY);
    const offsets = await admin.fetchTopicOffsets(t.outcomes.name);
    expect(offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0)).toBe(EVENTS);
    produced = true;
  });

  it('rebuilds the read models with a fresh projections process, exactly', async () => {
    expect(produced).toBe(true);
    await pg.query(`CREATE DATABASE ${database}`);
    const platform = new PlatformProcesses(
      ROOT,
      {
        ...env.platformEnv,
        KAFKA_TOPIC_PREFIX: prefix,
        DATABASE_URL: databaseUrl,
        REDIS_PREFIX: `${prefix}redis`,
        PROJECTIONS_PORT: String(await freePort()),
        PROJECTIONS_METRICS_PORT: '0',
      },
      env.logDir,
    );
    const db = new Client(pgClientConfig(databaseUrl, databaseSsl()));
    await db.connect();
    const applied = async () => {
      try {
        const r = await db.query(
          'SELECT coalesce(sum(events_applied), 0)::bigint AS n FROM projections.board_meta',
        );
        return Number(r.rows[0].n);
      } catch {
        return 0; // the schema is not there yet
      }
    };
    let peakMb = 0;
    try {
      const t0 = performance.now();
      const pid = platform.start('projections', 'projections-rebuild-bench').pid!;
      let firstAt = 0;
      // Until every event is counted; bounded in time, and given up if progress stops. The
      // bound is generous: on a machine shared with other suites a replay can run at 1,000/s.
      const deadline = t0 + Math.max(300_000, EVENTS);
      let last = { n: -1, at: t0 };
      for (;;) {
        const n = await applied();
        const now = performance.now();
        if (n > 0 && !firstAt) firstAt = now;
        peakMb = rssMb(pid)?.peak ?? peakMb;
        if (n >= EVENTS) break;
        if (n > last.n) last = { n, at: now };
        if (now > deadline || now - last.at > 60_000)
          throw new Error(
            `rebuild ${now > deadline ? 'too slow' : 'stalled'} at ${n} of ${EVENTS} events (log: ${env.logDir})`,
          );
        await sleep(100);
      }
      const doneAt = performance.now();
      figures.rebuildSeconds = round((doneAt - t0) / 1000);
      figures.rebuildPerSecond = Math.round(EVENTS / ((doneAt - t0) / 1000));
      figures.rebuildStartUpMs = Math.round(firstAt - t0);
      figures.rebuildAfterFirstEventPerSecond = Math.round(EVENTS / ((doneAt - firstAt) / 1000));
      await sleep(500);
      figures.rebuildEventsApplied = await applied();
      figures.rebuildProjectionsPeakMb = peakMb;
    } finally {
      await platform.stopAll();
    }

    // Exactness: every (operation, force) row equals what was generated, every column.
    const { rows } = await db.query('SELECT * FROM projections.force_tallies');
    await db.end();
    let mismatches = 0;
    const seen = new Set<string>();
    for (const row of rows as Record<string, string>[]) {
      const key = `${row.operation_id}|${row.force}`;
      seen.add(key);
      const want = expected.get(key) ?? {};
      for (const [col, value] of Object.entries(row)) {
        if (col === 'operation_id' || col === 'force') continue;
        if (Number(value) !== (want[col] ?? 0)) mismatches++;
      }
      for (const col of Object.keys(want)) if (!(col in row)) mismatches++;
    }
    for (const [key, want] of expected) {
      if (!seen.has(key) && Object.values(want).some((v) => v !== 0)) mismatches++;
    }
    figures.exactMismatches = mismatches;
    const dead = await admin.fetchTopicOffsets(t.deadLetters.name);
    figures.deadLetters = dead.reduce((n, o) => n + Number(o.high) - Number(o.low), 0);
    expect(figures.deadLetters).toBe(0);
    expect(figures.rebuildEventsApplied).toBe(EVENTS);
    expect(mismatches).toBe(0);
  });

  it('bare kafkajs consumer: eachBatch, no work, fresh group, from the beginning', async () => {
    expect(produced).toBe(true);
    const consumer = kafka.consumer({ groupId: groups[0], maxWaitTimeInMs: 50 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: t.outcomes.name, fromBeginning: true });
      let seen = 0;
      const t0 = performance.now();
      await consumer.run({
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }) => void (seen += batch.messages.length),
      });
      await waitFor(
        async () => seen,
        (n) => n >= EVENTS,
        { timeoutMs: 300_000, intervalMs: 20, what: 'the bare consumer' },
      );
      figures.bareKafkajsConsumerPerSecond = Math.round(EVENTS / ((performance.now() - t0) / 1000));
    } finally {
      await consumer.disconnect();
    }
  });

  it('Kafka ConsumerPerformance on the same topic', async () => {
    expect(produced).toBe(true);
    const out = await kafkaTool('org.apache.kafka.tools.ConsumerPerformance', [
      '--bootstrap-server',
      env.kafkaBrokers,
      '--topic',
      t.outcomes.name,
      '--messages',
      String(EVENTS),
      '--group',
      groups[1],
      '--timeout',
      '60000',
    ]);
    const c = parseConsumerPerf(out);
    expect(c['data.consumed.in.nMsg']).toBeGreaterThanOrEqual(EVENTS);
    figures.kafkaConsumerPerfPerSecond = Math.round(c['nMsg.sec']);
    if (Number.isFinite(c['fetch.nMsg.sec']))
      figures.kafkaConsumerPerfFetchPerSecond = Math.round(c['fetch.nMsg.sec']);
  });

  it('Kafka ProducerPerformance at our average event size', async () => {
    const size = figures.eventBytes ?? 600;
    const out = await kafkaTool('org.apache.kafka.tools.ProducerPerformance', [
      '--topic',
      perfTopic,
      '--num-records',
      String(EVENTS),
      '--record-size',
      String(size),
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${env.kafkaBrokers}`,
      'acks=all',
    ]);
    const p = parseProducerPerf(out);
    expect(p.records).toBe(EVENTS);
    figures.kafkaProducerPerfPerSecond = Math.round(p.perSecond);
    figures.kafkaProducerPerfP99ms = p.p99ms;
  });
});
