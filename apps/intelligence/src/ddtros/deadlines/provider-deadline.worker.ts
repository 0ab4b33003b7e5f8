import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import Redis from 'ioredis';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../../config';
import { NotYetDue, ProviderDeadlineHandler } from './provider-deadline.handler';
import {
  PROVIDER_DEADLINE_QUEUE,
  ProviderDeadlineDecision,
  ProviderDeadlineJob,
} from './provider-deadline.rule';

/** Runs due deadline jobs; they wait in Redis, so they outlive a restart of this process. */
@Injectable()
export class ProviderDeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProviderDeadlineWorker.name);
  private worker?: Worker<ProviderDeadlineJob, ProviderDeadlineDecision>;
  private redis?: Redis;

  constructor(
    @Inject(INTELLIGENCE_ENV) private readonly env: IntelligenceEnv,
    private readonly handler: ProviderDeadlineHandler,
  ) {}

  onApplicationBootstrap(): void {
    this.redis = new Redis(this.env.REDIS_URL, { maxRetriesPerRequest: null });
    this.redis.on('error', () => undefined);
    this.worker = new Worker(PROVIDER_DEADLINE_QUEUE, (job) => this.handler.run(job.data), {
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
