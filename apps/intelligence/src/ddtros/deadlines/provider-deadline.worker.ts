import { Inject, Injectable } from '@nestjs/common';
import { DelayedJobWorker } from '@intensify/messaging';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../../config';
import { ProviderDeadlineHandler } from './provider-deadline.handler';
import {
  PROVIDER_DEADLINE_QUEUE,
  ProviderDeadlineDecision,
  ProviderDeadlineJob,
} from './provider-deadline.rule';

/** Runs due provider deadlines; they wait in Redis, so they outlive a restart of this process. */
@Injectable()
export class ProviderDeadlineWorker extends DelayedJobWorker<
  ProviderDeadlineJob,
  ProviderDeadlineDecision
> {
  constructor(@Inject(INTELLIGENCE_ENV) env: IntelligenceEnv, handler: ProviderDeadlineHandler) {
    super(
      { redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, queue: PROVIDER_DEADLINE_QUEUE },
      (job) => handler.run(job),
    );
  }
}
