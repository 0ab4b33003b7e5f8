import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { topics } from '@intensify/contracts';
import { TransactionalConsumer } from '@intensify/messaging';
import { typeOrmOptions } from '@intensify/persistence';
import { ProblemError } from '@intensify/problems';
import { PROJECTIONS_ENV, ProjectionsEnv, SCHEMA } from '../config';
import { PROJECTION_MIGRATIONS } from '../migrations';
import { applyToReadModels } from '../read-models/read-models';
import { FETCH, ReadModelsConsumer } from '../read-models/read-models.consumer';
import { RebuildProgress } from './rebuild-progress';

const NEXT = `${SCHEMA}_next`;
const POLL_MS = 500;
const CATCH_UP_MS = 120_000;

/**
 * Rebuilds every read model from the retained topics into a fresh schema while the live one
 * keeps serving, then swaps them: the live consumer is paused (its batch in flight finishes),
 * the rebuild catches up to exactly where the live one stopped, the rebuild's offsets become the
 * live group's, and the two schemas are renamed in one transaction. Reads never stop.
 */
@Injectable()
export class RebuildService {
  private readonly logger = new Logger(RebuildService.name);
  private progress: RebuildProgress = { phase: 'idle', total: 0, done: 0, eventsPerSecond: 0 };

  constructor(
    @Inject(PROJECTIONS_ENV) private readonly env: ProjectionsEnv,
    @InjectDataSource() private readonly live: DataSource,
    private readonly readModels: ReadModelsConsumer,
  ) {}

  status(): RebuildProgress {
    return this.progress;
  }

  start(): RebuildProgress {
    if (['preparing', 'replaying', 'swapping'].includes(this.progress.phase)) {
      throw new ProblemError('conflict', `A rebuild is already ${this.progress.phase}`);
    }
    this.progress = {
      phase: 'preparing',
      startedAt: new Date().toISOString(),
      total: 0,
      done: 0,
      eventsPerSecond: 0,
    };
    void this.run().catch((e) => {
      this.logger.error(`rebuild failed: ${(e as Error).stack}`);
      this.progress = {
        ...this.progress,
        phase: 'failed',
        error: (e as Error).message,
        finishedAt: new Date().toISOString(),
      };
    });
    return this.progress;
  }

  private async run(): Promise<void> {
    await this.live.query(`DROP SCHEMA IF EXISTS ${NEXT} CASCADE`);
    await this.live.query(`CREATE SCHEMA ${NEXT}`);
    const next = new DataSource({
      ...typeOrmOptions({
        databaseUrl: this.env.DATABASE_URL,
        schema: NEXT,
        searchPath: NEXT,
        entities: [],
        migrations: PROJECTION_MIGRATIONS,
        poolSize: 4,
      }),
    } as never);
    await next.initialize();
    const t = topics(this.env.KAFKA_TOPIC_PREFIX);
    const rebuild = new TransactionalConsumer({
      kafka: this.readModels.kafka,
      dataSource: next,
      schema: NEXT,
      groupId: `${this.readModels.consumer.groupId}.rebuild.${Date.now()}`,
      topics: this.readModels.consumer.topics,
      deadLetterTopic: t.deadLetters.name,
      producer: this.readModels.producer,
      apply: applyToReadModels,
      fetch: FETCH,
    });
    try {
      this.progress.phase = 'replaying';
      await rebuild.start();
      await this.until(
        rebuild,
        async () => (await this.measure(rebuild)) === 0,
        'the rebuild to catch up',
        Infinity,
      );
      this.progress.phase = 'swapping';
      await this.readModels.consumer.pause();
      try {
        const liveAt = await this.readModels.consumer.storedOffsets();
        await this.until(
          rebuild,
          async () => reached(await rebuild.storedOffsets(), liveAt),
          'the rebuild to reach the live offsets',
          CATCH_UP_MS,
        );
        await rebuild.stop();
        await this.swap(rebuild.groupId);
      } finally {
        await this.readModels.consumer.resume();
      }
      this.progress = { ...this.progress, phase: 'done', finishedAt: new Date().toISOString() };
    } finally {
      await rebuild.stop().catch(() => undefined);
      await next.destroy().catch(() => undefined);
    }
  }

  private async swap(rebuildGroup: string): Promise<void> {
    const retired = `${SCHEMA}_retired_${Date.now()}`;
    await this.live.transaction(async (m) => {
      await m.query(
        `INSERT INTO ${NEXT}.consumer_offsets (group_id, topic, partition, next_offset)
         SELECT $1, topic, partition, next_offset FROM ${NEXT}.consumer_offsets WHERE group_id = $2
         ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset`,
        [this.readModels.consumer.groupId, rebuildGroup],
      );
      await m.query(`ALTER SCHEMA ${SCHEMA} RENAME TO ${retired}`);
      await m.query(`ALTER SCHEMA ${NEXT} RENAME TO ${SCHEMA}`);
    });
    // One retired copy is kept to compare or roll back by hand; older ones go.
    const old: { nspname: string }[] = await this.live.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 AND nspname <> $2`,
      [`${SCHEMA}_retired_%`, retired],
    );
    for (const { nspname } of old) await this.live.query(`DROP SCHEMA ${nspname} CASCADE`);
    this.progress.retiredSchema = retired;
  }

  /** Messages left for the rebuild; also updates the progress figures. */
  private async measure<R>(rebuild: TransactionalConsumer<R>): Promise<number> {
    const lag = await rebuild.lag();
    const left = lag.reduce((n, p) => n + p.lag, 0);
    const seconds = (Date.now() - Date.parse(this.progress.startedAt!)) / 1000;
    this.progress.done = rebuild.applied + rebuild.deadLettered;
    this.progress.total = this.progress.done + left;
    this.progress.eventsPerSecond = Math.round(this.progress.done / Math.max(seconds, 0.001));
    return left;
  }

  private async until<R>(
    rebuild: TransactionalConsumer<R>,
    done: () => Promise<boolean>,
    what: string,
    timeoutMs: number,
  ) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.measure(rebuild);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}

function reached(rebuild: Map<string, bigint>, live: Map<string, bigint>): boolean {
  return [...live].every(([partition, offset]) => (rebuild.get(partition) ?? 0n) >= offset);
}
