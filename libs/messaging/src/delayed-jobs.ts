import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue, Worker } from 'bullmq';
import Redis from 'ioredis';

export interface DelayedJobsOptions {
  redisUrl: string;
  /** Redis key prefix of the environment (`REDIS_PREFIX`). */
  prefix: string;
  queue: string;
}

export interface DelayedJob<J> {
  name: string;
  /** Deterministic: adding a job whose id exists changes nothing (a redelivered event). */
  id: string;
  dueAt: string;
  data: J;
}

/** Thrown by a job run before its time: the queue tries again after its backoff. */
export class NotYetDue extends Error {}

/** A BullMQ queue of jobs each delayed until its `dueAt`; `now` is the service's injected clock. */
export class DelayedJobQueue<J> implements OnApplicationShutdown {
  readonly redis: Redis;
  readonly queue: Queue<J>;

  constructor(
    o: DelayedJobsOptions & { jobOptions: JobsOptions },
    private readonly now: () => Date,
  ) {
    // Few retries: a scheduling that cannot reach Redis fails, and its event is consumed again.
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.queue = new Queue<J>(o.queue, {
      connection: this.redis,
      prefix: o.prefix,
      defaultJobOptions: o.jobOptions,
    });
  }

  async add(jobs: DelayedJob<J>[]): Promise<void> {
    const now = this.now().getTime();
    await this.queue.addBulk(
      jobs.map((j) => ({
        name: j.name,
        data: j.data,
        opts: { jobId: j.id, delay: Math.max(0, Date.parse(j.dueAt) - now) },
      })) as Parameters<Queue<J>['addBulk']>[0],
    );
  }

  counts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'delayed', 'active', 'failed');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}

/**
 * Runs due jobs of a queue. Delayed jobs wait in Redis, so they outlive the process: after a
 * restart the new worker picks them up; a job killed mid-run is taken up again as stalled.
 */
export class DelayedJobWorker<J, R> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private worker?: Worker<J, R>;
  private redis?: Redis;

  constructor(
    private readonly o: DelayedJobsOptions,
    private readonly run: (data: J) => Promise<R>,
  ) {
    this.logger = new Logger(`jobs:${o.queue}`);
  }

  onApplicationBootstrap(): void {
    // A blocking worker connection must retry for ever (BullMQ requires it).
    this.redis = new Redis(this.o.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.worker = new Worker<J, R>(this.o.queue, (job) => this.run(job.data), {
      connection: this.redis,
      prefix: this.o.prefix,
      concurrency: 5,
    });
    this.worker.on('failed', (job, e) => {
      if (!(e instanceof NotYetDue)) this.logger.warn(`job ${job?.id} failed: ${e.message}`);
    });
    this.worker.on('error', (e) => this.logger.warn(`worker: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.redis?.disconnect();
  }
}
