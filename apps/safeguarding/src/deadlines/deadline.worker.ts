import { Inject, Injectable } from '@nestjs/common';
import { DelayedJobWorker } from '@intensify/messaging';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';
import { DEADLINE_QUEUE, DeadlineJob } from './deadline-jobs';
import { DeadlineHandler } from './deadline.handler';
import { DeadlineDecision } from './deadline.rule';

/** Runs due deadline jobs; they wait in Redis, so they outlive a restart of this process. */
@Injectable()
export class DeadlineWorker extends DelayedJobWorker<DeadlineJob, DeadlineDecision> {
  constructor(@Inject(SAFEGUARDING_ENV) env: SafeguardingEnv, handler: DeadlineHandler) {
    super({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, queue: DEADLINE_QUEUE }, (job) =>
      handler.run(job),
    );
  }
}
