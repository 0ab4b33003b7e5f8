import { Logger } from '@nestjs/common';
import { Consumer, ConsumerConfig, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope, validateEvent } from '@intensify/contracts';
import { quoteIdent } from '@intensify/persistence';
import { messagingMetrics } from './metrics';
import { isTransientError } from './transient-error';

/** Longest a fetch waits on the broker for a first message. */
export const IDLE_FETCH_WAIT_MS = 5_000;

export interface ConsumedEvent {
  topic: string;
  partition: number;
  offset: string;
  event: EventEnvelope;
}

/** Applies a batch of valid events inside the transaction that also records the offsets. */
export type BatchApplier<R> = (manager: EntityManager, events: ConsumedEvent[]) => Promise<R>;

export interface TransactionalConsumerOptions<R> {
  kafka: Kafka;
  dataSource: DataSource;
  schema: string;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  producer: Producer;
  apply: BatchApplier<R>;
  /** Called with what `apply` returned once its transaction committed (e.g. to tell boards they changed). */
  afterCommit?: (result: R) => Promise<void> | void;
  fromBeginning?: boolean;
  /**
   * The events this group acts on, judged on the parsed value before it is validated (so it must
   * not trust its shape). A batch with none of them opens no transaction: its offset is stored
   * at most every OFFSET_CATCH_UP_MS or with the next batch that needs one. Passing over such
   * events again (after a restart) changes nothing. Leave out to apply every event.
   */
  concerns?: (event: { type?: unknown; payload?: unknown }) => boolean;
  /** Larger fetches than kafkajs' (1 MB per partition, 10 MB in all), for a group whose batches gain from size. */
  fetch?: Pick<ConsumerConfig, 'maxBytes' | 'maxBytesPerPartition'>;
}

/** Longest a group that passes over events leaves its stored offset behind them. */
const OFFSET_CATCH_UP_MS = 5_000;

interface Passed {
  storedAt: number;
  next: bigint;
  timer?: NodeJS.Timeout;
}

/** The offsets table a consuming service's migration creates. */
export function consumerOffsetsTableSql(schema: string): string {
  return `CREATE TABLE ${quoteIdent(schema)}.consumer_offsets (
    group_id text NOT NULL,
    topic text NOT NULL,
    partition int NOT NULL,
    next_offset bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, topic, partition)
  )`;
}

/**
 * Exactly-once effect on at-least-once delivery: the read-model change and the partition's next
 * offset commit in one PostgreSQL transaction, under a row lock on that offset. A redelivered or
 * concurrently delivered message (rebalance, restart, crash before Kafka's commit) is below the
 * stored offset and skipped. Kafka's committed offsets are only a hint; on assignment we seek to ours.
 * Invalid events go to the dead-letter topic with the reason and never block the partition.
 */
export class TransactionalConsumer<R = void> {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private assigned = new Map<string, number[]>();
  private joined = false;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  applied = 0;
  deadLettered = 0;
  /** Batches being committed (one per partition at most): pausing waits for them. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Per `topic:partition`: the offset after events passed over, and when it was last stored. */
  private readonly passed = new Map<string, Passed>();
  lastAppliedAt?: Date;

  constructor(private readonly o: TransactionalConsumerOptions<R>) {
    this.logger = new Logger(`consumer:${o.groupId}`);
  }

  get groupId(): string {
    return this.o.groupId;
  }

  get topics(): string[] {
    return this.o.topics;
  }

  /** Partitions this member owns, per topic; empty until it joined the group. */
  get assignment(): Record<string, number[]> {
    return Object.fromEntries(this.assigned);
  }

  get hasPartitions(): boolean {
    return this.joined && [...this.assigned.values()].some((p) => p.length > 0);
  }

  async start(): Promise<void> {
    const consumer = this.o.kafka.consumer({
      groupId: this.o.groupId,
      // The broker answers a fetch as soon as one message is there (minBytes 1), so a long wait
      // costs no freshness; it sets how often an idle member asks (at 50 ms, six services'
      // members used a third of a core doing nothing) and how late a member hears of a
      // rebalance (it heartbeats between fetches, so at most 5 s). A member killed outright is
      // another matter: it keeps its partitions until its session times out (30 s).
      maxWaitTimeInMs: IDLE_FETCH_WAIT_MS,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
      ...this.o.fetch,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      this.joined = true;
      this.assigned = new Map(Object.entries(e.payload.memberAssignment));
      void this.seekToStoredOffsets().catch((err) =>
        this.logger.error(`seek failed: ${err.message}`),
      );
    });
    consumer.on(consumer.events.CRASH, (e) => {
      this.joined = false;
      this.assigned.clear();
      this.logger.error(
        `consumer crashed (restart: ${e.payload.restart}): ${e.payload.error?.message}`,
      );
      // kafkajs gives up on errors it calls non-retriable (e.g. no group coordinator while a
      // broker with many partitions is still loading): the member would stay out for good.
      if (!e.payload.restart && !this.stopping) this.restartAfterCrash(1);
    });
    consumer.on(consumer.events.STOP, () => {
      this.joined = false;
      this.assigned.clear();
    });
    await consumer.connect();
    await consumer.subscribe({
      topics: this.o.topics,
      fromBeginning: this.o.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      // Partitions are independent (offsets and row locks are per partition): apply them in parallel.
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const work = this.handle(batch.topic, batch.partition, batch.messages);
        const tracked = work.catch(() => undefined);
        this.inFlight.add(tracked);
        void tracked.then(() => this.inFlight.delete(tracked));
        await work;
        resolveOffset(batch.messages[batch.messages.length - 1].offset);
        await heartbeat();
      },
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const p of this.passed.values()) clearTimeout(p.timer);
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
  }

  /** A fresh member joins after a growing pause (1 s, 2 s, … 30 s) until it is back. */
  private restartAfterCrash(attempt: number): void {
    const delayMs = Math.min(30_000, 1_000 * 2 ** (attempt - 1));
    this.restartTimer = setTimeout(() => {
      void (async () => {
        await this.consumer?.disconnect().catch(() => undefined);
        if (this.stopping) return;
        try {
          await this.start();
          this.logger.log(`consumer restarted after a crash (attempt ${attempt})`);
        } catch (e) {
          this.logger.error(`restart failed (${(e as Error).message}); trying again`);
          this.restartAfterCrash(attempt + 1);
        }
      })();
    }, delayMs);
    this.restartTimer.unref();
  }

  /** Stops fetching and waits for the batch in flight: from then on nothing is applied. */
  async pause(): Promise<void> {
    this.consumer!.pause(this.o.topics.map((topic) => ({ topic })));
    await Promise.all(this.inFlight);
  }

  /** Starts again from the offsets stored in the database, which may have moved meanwhile. */
  async resume(): Promise<void> {
    await this.seekToStoredOffsets();
    this.consumer!.resume(this.o.topics.map((topic) => ({ topic })));
  }

  /** Next offset per `topic:partition` as stored in the database. */
  async storedOffsets(): Promise<Map<string, bigint>> {
    const rows: { topic: string; partition: number; next_offset: string }[] =
      await this.o.dataSource.query(
        `SELECT topic, partition, next_offset FROM ${quoteIdent(this.o.schema)}.consumer_offsets WHERE group_id = $1`,
        [this.o.groupId],
      );
    return new Map(rows.map((r) => [`${r.topic}:${r.partition}`, BigInt(r.next_offset)]));
  }

  /** Messages per partition not yet applied: the log end offset against our stored offset. */
  async lag(): Promise<{ topic: string; partition: number; lag: number }[]> {
    const admin = this.o.kafka.admin();
    await admin.connect();
    try {
      const next = await this.storedOffsets();
      const out: { topic: string; partition: number; lag: number }[] = [];
      for (const topic of this.o.topics) {
        for (const p of await admin.fetchTopicOffsets(topic)) {
          const done = next.get(`${topic}:${p.partition}`) ?? BigInt(p.low);
          const lag = Number(BigInt(p.high) - (done > BigInt(p.low) ? done : BigInt(p.low)));
          out.push({ topic, partition: p.partition, lag: Math.max(0, lag) });
          messagingMetrics.lag.set(
            { group: this.o.groupId, topic, partition: String(p.partition) },
            Math.max(0, lag),
          );
        }
      }
      return out;
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Commits the batch; if applying it fails for a reason in the data, applies its messages one by
   * one and dead-letters each that still fails, so a bad event never blocks its partition. Errors
   * reaching a server are thrown, and kafkajs retries the batch until the server is back.
   */
  private async handle(topic: string, partition: number, messages: KafkaMessage[]): Promise<void> {
    try {
      await this.commit(topic, partition, messages, new Map());
    } catch (e) {
      if (isTransientError(e)) throw e;
      this.logger.warn(
        `batch on ${topic}[${partition}] failed (${(e as Error).message}); applying one by one`,
      );
      for (const m of messages) {
        try {
          await this.commit(topic, partition, [m], new Map());
        } catch (single) {
          if (isTransientError(single)) throw single;
          await this.commit(
            topic,
            partition,
            [m],
            new Map([[m.offset, `apply failed: ${(single as Error).message}`]]),
          );
        }
      }
    }
  }

  /** One transaction: dead letters out, fresh events applied, the partition's next offset stored. */
  private async commit(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    setAside: Map<string, string>,
  ): Promise<void> {
    const valid: ConsumedEvent[] = [];
    const invalid: { message: KafkaMessage; reason: string }[] = [];
    for (const m of messages) {
      const parsed = setAside.has(m.offset)
        ? { reason: setAside.get(m.offset)! }
        : parse(m, this.o.concerns);
      if (parsed === PASSED) continue;
      if ('reason' in parsed) invalid.push({ message: m, reason: parsed.reason });
      else valid.push({ topic, partition, offset: m.offset, event: parsed.event });
    }
    const lastOffset = BigInt(messages[messages.length - 1].offset);
    if (valid.length === 0 && invalid.length === 0)
      return this.passOver(topic, partition, lastOffset);
    let applied: ConsumedEvent[] = [];
    let result: R | undefined;
    await this.o.dataSource.transaction(async (manager) => {
      const next = await this.lockOffset(manager, topic, partition);
      const fresh = valid.filter((e) => BigInt(e.offset) >= next);
      const freshInvalid = invalid.filter((i) => BigInt(i.message.offset) >= next);
      // Dead letters go out before the offset moves past them, so none is lost.
      if (freshInvalid.length) await this.deadLetter(topic, partition, freshInvalid);
      if (fresh.length) result = await this.o.apply(manager, fresh);
      if (lastOffset + 1n > next)
        await this.storeOffset(manager, topic, partition, lastOffset + 1n);
      applied = fresh;
    });
    if (applied.length) {
      this.applied += applied.length;
      this.lastAppliedAt = new Date();
      this.observe(applied);
      await this.o.afterCommit?.(result as R);
    }
  }

  /**
   * Nothing in the batch concerns this group: no transaction. The stored offset catches up at
   * most every OFFSET_CATCH_UP_MS (and once more after the last such batch), never backwards,
   * so lag and the replay after a restart do not grow with what is passed over.
   */
  private passOver(topic: string, partition: number, lastOffset: bigint): Promise<void> {
    const key = `${topic}:${partition}`;
    const pass = this.passed.get(key) ?? { storedAt: 0, next: 0n };
    this.passed.set(key, pass);
    pass.next = lastOffset + 1n;
    const wait = pass.storedAt + OFFSET_CATCH_UP_MS - Date.now();
    if (wait <= 0) return this.storePassed(topic, partition, pass);
    pass.timer ??= setTimeout(() => {
      pass.timer = undefined;
      void this.storePassed(topic, partition, pass).catch((e) =>
        this.logger.warn(`could not store the offset of ${key}: ${(e as Error).message}`),
      );
    }, wait).unref();
    return Promise.resolve();
  }

  private async storePassed(topic: string, partition: number, pass: Passed): Promise<void> {
    pass.storedAt = Date.now();
    await this.o.dataSource.query(
      `INSERT INTO ${quoteIdent(this.o.schema)}.consumer_offsets AS o (group_id, topic, partition, next_offset)
       VALUES ($1, $2, $3, $4) ON CONFLICT (group_id, topic, partition)
       DO UPDATE SET next_offset = GREATEST(o.next_offset, EXCLUDED.next_offset), updated_at = now()`,
      [this.o.groupId, topic, partition, pass.next.toString()],
    );
  }

  private observe(events: ConsumedEvent[]): void {
    const now = Date.now();
    messagingMetrics.applied.inc({ group: this.o.groupId }, events.length);
    for (const { event } of events) {
      messagingMetrics.freshness.observe(
        { group: this.o.groupId },
        (now - Date.parse(event.recordedAt)) / 1000,
      );
    }
  }

  private async lockOffset(
    manager: EntityManager,
    topic: string,
    partition: number,
  ): Promise<bigint> {
    const t = `${quoteIdent(this.o.schema)}.consumer_offsets`;
    // One round trip: a new partition's row is created, an existing one locked (ON CONFLICT DO
    // UPDATE takes the row lock, as FOR UPDATE would) and its offset returned either way.
    const rows = await manager.query(
      `INSERT INTO ${t} AS o (group_id, topic, partition, next_offset) VALUES ($1, $2, $3, 0)
       ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = o.next_offset
       RETURNING next_offset`,
      [this.o.groupId, topic, partition],
    );
    return BigInt(rows[0].next_offset);
  }

  private async storeOffset(
    manager: EntityManager,
    topic: string,
    partition: number,
    next: bigint,
  ): Promise<void> {
    await manager.query(
      `UPDATE ${quoteIdent(this.o.schema)}.consumer_offsets SET next_offset = $4, updated_at = now()
       WHERE group_id = $1 AND topic = $2 AND partition = $3`,
      [this.o.groupId, topic, partition, next.toString()],
    );
  }

  private async seekToStoredOffsets(): Promise<void> {
    const stored = await this.storedOffsets();
    for (const [topic, partitions] of this.assigned) {
      for (const partition of partitions) {
        const next = stored.get(`${topic}:${partition}`);
        this.consumer!.seek({
          topic,
          partition,
          offset: next === undefined ? '0' : next.toString(),
        });
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    items: { message: KafkaMessage; reason: string }[],
  ) {
    await this.o.producer.send({
      topic: this.o.deadLetterTopic,
      acks: -1,
      messages: items.map(({ message, reason }) => ({
        key: message.key,
        value: message.value,
        headers: {
          'dead-letter-reason': reason.slice(0, 1000),
          'source-topic': topic,
          'source-partition': String(partition),
          'source-offset': message.offset,
          'consumer-group': this.o.groupId,
        },
      })),
    });
    this.deadLettered += items.length;
    messagingMetrics.deadLetters.inc({ group: this.o.groupId, topic }, items.length);
    this.logger.warn(
      `dead-lettered ${items.length} message(s) from ${topic}[${partition}]: ${items[0].reason}`,
    );
  }
}

/** An event the group is not concerned with: neither applied nor dead-lettered. */
const PASSED = Symbol('passed');

function parse(
  m: KafkaMessage,
  concerns?: TransactionalConsumerOptions<unknown>['concerns'],
): { event: EventEnvelope } | { reason: string } | typeof PASSED {
  let event: unknown;
  try {
    event = JSON.parse(m.value?.toString('utf8') ?? '');
  } catch {
    return { reason: 'value is not JSON' };
  }
  if (concerns && !concernsSafely(concerns, event)) return PASSED;
  const errors = validateEvent(event);
  if (errors.length) return { reason: errors.map((e) => `${e.field} ${e.message}`).join('; ') };
  return { event: event as EventEnvelope };
}

/** A judgement that throws on an odd shape counts as concerned: validation then sets it aside. */
function concernsSafely(
  concerns: NonNullable<TransactionalConsumerOptions<unknown>['concerns']>,
  event: unknown,
): boolean {
  if (typeof event !== 'object' || event === null) return true;
  try {
    return concerns(event as { type?: unknown; payload?: unknown });
  } catch {
    return true;
  }
}
