import { Inject, Injectable } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { DelayedJobQueue } from '@intensify/messaging';
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

/** One delayed job per granted order; adding it again (a redelivered event) changes nothing. */
@Injectable()
export class ProviderDeadlineQueue extends DelayedJobQueue<ProviderDeadlineJob> {
  constructor(@Inject(INTELLIGENCE_ENV) env: IntelligenceEnv, @Inject(CLOCK) clock: Clock) {
    super(
      {
        redisUrl: env.REDIS_URL,
        prefix: env.REDIS_PREFIX,
        queue: PROVIDER_DEADLINE_QUEUE,
        jobOptions: PROVIDER_DEADLINE_JOB_OPTIONS,
      },
      () => clock.now(),
    );
  }

  schedule(jobs: ProviderDeadlineJob[]): Promise<void> {
    return this.add(
      jobs.map((data) => ({
        name: 'provider-deadline',
        id: providerDeadlineJobId(data.ddtroId),
        dueAt: data.deadline,
        data,
      })),
    );
  }
}
