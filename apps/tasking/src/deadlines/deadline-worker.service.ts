import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import Redis from 'ioredis';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DEADLINE_QUEUE, DeadlineJob } from './deadline-jobs';
import { DeadlineHandler, NotYetDue } from './deadline.handler';
import { DeadlineDecision } from './deadline.rule';

/**
 * Runs due deadline jobs. Delayed jobs wait in Redis, so they outlive this process: after a
 * restart the new worker picks them up; a job killed mid-run is taken up again as stalled.
 */
@Injectable()
export class DeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWorker.name);
  private worker?: Worker<DeadlineJob, DeadlineDecision>;
  private redis?: Redis;

  constructor(
    @Inject(TASKING_ENV) private readonly env: TaskingEnv,
    private readonly handler: DeadlineHandler,
  ) {}

  onApplicationBootstrap(): void {
    // A blocking worker connection must retry for ever (BullMQ requires it).
    this.redis = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.worker = new Worker(DEADLINE_QUEUE, (job) => this.handler.run(job.data), {
      connection: this.redis,
      prefix: this.env.REDIS_PREFIX,
      concurrency: 5,
    });
    this.worker.on('failed', (job, e) => {
      if (!(e instanceof NotYetDue))
        this.logger.warn(`deadline job ${job?.id} failed: ${e.message}`);
    });
    this.worker.on('error', (e) => this.logger.warn(`deadline worker: ${e.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    this.redis?.disconnect();
  }
}
