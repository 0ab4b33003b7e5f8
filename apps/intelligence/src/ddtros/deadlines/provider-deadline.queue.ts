import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { Clock, CLOCK } from '../../clock';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../../config';
import {
  PROVIDER_DEADLINE_QUEUE,
  ProviderDeadlineJob,
  providerDeadlineJobId,
} from './provider-deadline.rule';

/** The one place that decides how deadline jobs retry and how long finished ones are kept. */
export const PROVIDER_DEADLINE_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 250 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Adds one delayed job per granted order; adding it again (a redelivered event) changes nothing. */
@Injectable()
export class ProviderDeadlineQueue implements OnApplicationShutdown {
  readonly redis: Redis;
  readonly queue: Queue<ProviderDeadlineJob>;

  constructor(
    @Inject(INTELLIGENCE_ENV) env: IntelligenceEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.queue = new Queue(PROVIDER_DEADLINE_QUEUE, {
      connection: this.redis,
      prefix: env.REDIS_PREFIX,
      defaultJobOptions: PROVIDER_DEADLINE_JOB_OPTIONS,
    });
  }

  async schedule(jobs: ProviderDeadlineJob[]): Promise<void> {
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      jobs.map((data) => ({
        name: 'provider-deadline',
        data,
        opts: {
          jobId: providerDeadlineJobId(data.ddtroId),
          delay: Math.max(0, Date.parse(data.deadline) - now),
        },
      })),
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
