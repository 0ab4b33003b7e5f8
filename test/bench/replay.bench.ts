import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { FORCE_CODES } from '@intensify/reference-data';
import { topics, validateEvent } from '@intensify/contracts';
import { freePort, PlatformProcesses, waitFor } from '@intensify/testing';
import { runEnv } from '../support/run-env';
import { record } from './record';
import { round } from './support/load';

const run = promisify(execFile);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const ROOT = join(__dirname, '..', '..');
const KAFKA_LIBS = join(
  process.env.INTENSIFY_CACHE_DIR ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'intensify'),
  'kafka-3.9.1',
  'libs',
);

function envelope(i: number, operationIds: string[]) {
  const outcomeId = randomUUID();
  const at = '2026-10-06T10:00:00.000Z';
  const count = 1 + (i % 3);
  return {
    key: outcomeId,
    count,
    value: JSON.stringify({
      id: randomUUID(),
      type: 'outcome.recorded',
      version: 1,
      aggregateId: outcomeId,
      occurredAt: at,
      recordedAt: at,
      actor: { sub: 'bench', role: 'nclcc' },
      correlationId: 'bench',
      payload: {
        outcomeId,
        operationId: operationIds[i % operationIds.length],
        version: 1,
        current: {
          type: 'arrest',
          force: FORCE_CODES[i % FORCE_CODES.length],
          occurredAt: at,
          count,
          under18: 0,
          charged: 0,
        },
        previous: null,
      },
    }),
  };
}

async function kafkaTool(main: string, args: string[]): Promise<string> {
  const { stdout } = await run(
    'java',
    [
      '-Xmx512m',
      `-Dlog4j.configuration=file:${join(ROOT, 'infra/kafka/log4j.properties')}`,
      '-cp',
      `${KAFKA_LIBS}/*`,
      main,
      ...args,
    ],
    { timeout: 600_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

describe(`replaying ${EVENTS} events`, () => {
  it('rebuilds read models at a rate comparable to the bare consumer and to Kafka’s own tools', async () => {
    const env = runEnv();
    const prefix = `bench-${Date.now().toString(36)}.`;
    const t = topics(prefix);
    const kafka = new Kafka({ brokers: env.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        t.operations,
        t.outcomes,
        t.deadLetters,
        { name: `${prefix}perf`, partitions: 6, retentionMs: -1 },
      ].map((s) => ({
        topic: s.name,
        numPartitions: s.partitions,
      })),
    });
    const database = `intensify_bench_${Date.now().toString(36)}`;
    const admin_pg = new Client({ connectionString: env.databaseUrl });
    await admin_pg.connect();
    const figures: Record<string, number> = { events: EVENTS };
    let service: PlatformProcesses | undefined;
    try {
      // 1. The events, straight into the topic (what a year of weeks would leave behind).
      const operationIds = Array.from({ length: 20 }, () => randomUUID());
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      let arrests = 0;
      let bytes = 0;
      const t0 = performance.now();
      // Requests stay under the broker's 1 MB limit; several are in flight at once.
      for (let start = 0; start < EVENTS; start += 8_000) {
        const batch = Array.from({ length: Math.min(8_000, EVENTS - start) }, (_, k) =>
          envelope(start + k, operationIds),
        );
        if (start === 0) expect(validateEvent(JSON.parse(batch[0].value))).toEqual([]);
        for (const m of batch) {
          arrests += m.count;
          bytes += m.value.length;
        }
        const sends = [];
        for (let k = 0; k < batch.length; k += 1_000) {
          const messages = batch.slice(k, k + 1_000).map(({ key, value }) => ({ key, value }));
          sends.push(producer.send({ topic: t.outcomes.name, acks: -1, messages }));
        }
        await Promise.all(sends);
      }
      figures.produceKafkajsPerSecond = Math.round(EVENTS / ((performance.now() - t0) / 1000));
      figures.eventBytes = Math.round(bytes / EVENTS);
      await producer.disconnect();

      // 2. A bare kafkajs consumer: the most any kafkajs consumer could do here.
      const bare = kafka.consumer({ groupId: `${prefix}bare`, maxWaitTimeInMs: 50 });
      await bare.connect();
      await bare.subscribe({ topic: t.outcomes.name, fromBeginning: true });
      let seen = 0;
      const t1 = performance.now();
      await bare.run({ eachBatch: async ({ batch }) => void (seen += batch.messages.length) });
      await waitFor(
        async () => seen,
        (n) => n >= EVENTS,
        { timeoutMs: 600_000, intervalMs: 100, what: 'the bare consumer' },
      );
      figures.bareKafkajsConsumerPerSecond = Math.round(EVENTS / ((performance.now() - t1) / 1000));
      await bare.disconnect();

      // 3. Kafka's own tools against the same broker.
      const consumed = await kafkaTool('org.apache.kafka.tools.ConsumerPerformance', [
        '--bootstrap-server',
        env.kafkaBrokers,
        '--topic',
        t.outcomes.name,
        '--messages',
        String(EVENTS),
        '--timeout',
        '60000',
      ]);
      figures.kafkaConsumerPerfPerSecond = Math.round(
        Number(consumed.trim().split('\n').pop()!.split(',')[5]),
      );
      const produced = await kafkaTool('org.apache.kafka.tools.ProducerPerformance', [
        '--topic',
        `${prefix}perf`,
        '--num-records',
        String(EVENTS),
        '--record-size',
        String(figures.eventBytes),
        '--throughput',
        '-1',
        '--producer-props',
        `bootstrap.servers=${env.kafkaBrokers}`,
        'acks=all',
      ]);
      figures.kafkaProducerPerfPerSecond = Math.round(
        Number(
          produced
            .trim()
            .split('\n')
            .pop()!
            .match(/([\d.]+) records\/sec/)![1],
        ),
      );

      // 4. Our projection replaying every event into a fresh database.
      await admin_pg.query(`CREATE DATABASE ${database}`);
      const port = await freePort();
      service = new PlatformProcesses(
        ROOT,
        {
          ...env.platformEnv,
          KAFKA_TOPIC_PREFIX: prefix,
          DATABASE_URL: env.databaseUrl.replace(/\/[^/]+$/, `/${database}`),
          PROJECTIONS_PORT: String(port),
        },
        env.logDir,
      );
      const t2 = performance.now();
      service.start('projections', 'projections-replay');
      const db = new Client({
        connectionString: env.databaseUrl.replace(/\/[^/]+$/, `/${database}`),
      });
      await db.connect();
      await waitFor(
        async () => {
          try {
            const r = await db.query(
              `SELECT coalesce(sum(events_applied), 0)::bigint AS n, coalesce((SELECT sum(arrests) FROM projections.force_tallies), 0)::bigint AS a FROM projections.board_meta`,
            );
            return { n: Number(r.rows[0].n), a: Number(r.rows[0].a) };
          } catch {
            return { n: 0, a: 0 };
          }
        },
        (x) => x.n >= EVENTS,
        { timeoutMs: 900_000, intervalMs: 250, what: 'the replay' },
      ).then((x) => {
        figures.rebuildPerSecond = Math.round(EVENTS / ((performance.now() - t2) / 1000));
        expect(x.a).toBe(arrests);
      });
      await db.end();
    } finally {
      await service?.stopAll();
      await admin_pg
        .query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
        .catch(() => undefined);
      await admin_pg.end();
      await admin
        .deleteTopics({
          topics: [t.operations.name, t.outcomes.name, t.deadLetters.name, `${prefix}perf`],
        })
        .catch(() => undefined);
      await admin.disconnect();
    }
    figures.rebuildToBareConsumer = round(
      figures.rebuildPerSecond / figures.bareKafkajsConsumerPerSecond,
      2,
    );
    figures.rebuildToKafkaConsumerPerf = round(
      figures.rebuildPerSecond / figures.kafkaConsumerPerfPerSecond,
      2,
    );
    figures.produceToKafkaProducerPerf = round(
      figures.produceKafkajsPerSecond / figures.kafkaProducerPerfPerSecond,
      2,
    );
    record(
      'replay',
      figures,
      '>= 50,000 events/s and >= half the bare kafkajs consumer',
      figures.rebuildPerSecond >= 50_000 && figures.rebuildToBareConsumer >= 0.5,
    );
  });
});
