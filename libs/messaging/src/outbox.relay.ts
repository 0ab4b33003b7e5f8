import { Logger } from '@nestjs/common';
import { Producer, Message } from 'kafkajs';
import { Client } from 'pg';
import { pgClientConfig, quoteIdent } from '@intensify/persistence';
import { databaseSsl } from '@intensify/runtime';
import { messagingMetrics } from './metrics';
import { outboxChannel } from './outbox';

export interface OutboxRelayOptions {
  databaseUrl: string;
  schema: string;
  producer: Producer;
  batchSize?: number;
  pollMs?: number;
  /** Published rows are kept this long for inspection, then pruned. */
  keepPublishedMs?: number;
}

/**
 * How often an idle relay looks without being told: every commit NOTIFYs it, so this only
 * catches a lost notification and lets a standby replica try for the lock.
 */
const IDLE_POLL_MS = 5_000;

interface Row {
  id: string;
  topic: string;
  key: string;
  event: { id: string; type: string; version: number };
}

/**
 * Publishes a schema's outbox rows to Kafka in id order, then marks them published.
 * One relay per schema holds an advisory lock, so order is kept even with several replicas.
 * A crash between publish and mark publishes again; consumers skip what they applied.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private client?: Client;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by a NOTIFY that arrives while draining, so the next idle returns at once. */
  private notified = false;
  private leader = false;
  private lastPrune = 0;
  published = 0;
  /** Last time the outbox was found empty or rows were sent: an old value means the relay is stuck. */
  private lastDrainedAt = Date.now();

  constructor(private readonly o: OutboxRelayOptions) {
    this.logger = new Logger(`outbox-relay:${o.schema}`);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** How long the relay has gone without emptying the outbox or sending anything. */
  get stalledForMs(): number {
    return Date.now() - this.lastDrainedAt;
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Rows not yet published (for metrics and health). */
  async backlog(): Promise<number> {
    const c = new Client(pgClientConfig(this.o.databaseUrl, databaseSsl()));
    await c.connect();
    try {
      const r = await c.query(
        `SELECT count(*)::int AS n FROM ${this.table} WHERE published_at IS NULL`,
      );
      messagingMetrics.backlog.set({ schema: this.o.schema }, r.rows[0].n);
      return r.rows[0].n;
    } finally {
      await c.end();
    }
  }

  private get table(): string {
    return `${quoteIdent(this.o.schema)}.outbox`;
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (this.running) {
      try {
        await this.connect();
        backoff = 200;
        while (this.running) {
          if (!this.leader) this.leader = await this.tryLock();
          const sent = this.leader ? await this.drainOnce() : 0;
          if (sent === 0) await this.idle();
        }
      } catch (e) {
        this.logger.warn(`relay error, retrying in ${backoff} ms: ${(e as Error).message}`);
        await this.disconnect();
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
    await this.disconnect();
  }

  private async connect(): Promise<void> {
    if (this.client) return;
    const client = new Client(pgClientConfig(this.o.databaseUrl, databaseSsl()));
    client.on('error', (e) => this.logger.warn(`connection error: ${e.message}`));
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    await client.connect();
    await client.query(`LISTEN ${quoteIdent(outboxChannel(this.o.schema))}`);
    this.client = client;
  }

  private async disconnect(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    this.leader = false;
    await c?.end().catch(() => undefined);
  }

  private async tryLock(): Promise<boolean> {
    const r = await this.client!.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
      `outbox:${this.o.schema}`,
    ]);
    return r.rows[0].ok === true;
  }

  private async drainOnce(): Promise<number> {
    const c = this.client!;
    this.notified = false;
    const { rows } = await c.query<Row>(
      `SELECT id, topic, key, event FROM ${this.table} WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.o.batchSize ?? 1000],
    );
    if (rows.length === 0) {
      this.lastDrainedAt = Date.now();
      await this.pruneNow();
      return 0;
    }
    const byTopic = new Map<string, Message[]>();
    for (const r of rows) {
      const list = byTopic.get(r.topic) ?? [];
      list.push({
        key: r.key,
        value: JSON.stringify(r.event),
        headers: {
          'event-id': r.event.id,
          'event-type': r.event.type,
          'event-version': String(r.event.version),
        },
      });
      byTopic.set(r.topic, list);
    }
    await this.o.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    await c.query(`UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[])`, [
      rows.map((r) => r.id),
    ]);
    this.published += rows.length;
    this.lastDrainedAt = Date.now();
    messagingMetrics.published.inc({ schema: this.o.schema }, rows.length);
    return rows.length;
  }

  private async pruneNow(): Promise<void> {
    const keep = this.o.keepPublishedMs ?? 3_600_000;
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.client!.query(
      `DELETE FROM ${this.table} WHERE published_at < now() - make_interval(secs => $1)`,
      [keep / 1000],
    );
  }

  private idle(): Promise<void> {
    if (this.notified || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.o.pollMs ?? IDLE_POLL_MS);
      this.wake = done;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }
}
