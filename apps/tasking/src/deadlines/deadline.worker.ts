import { Inject, Injectable } from '@nestjs/common';
import { DelayedJobWorker } from '@intensify/messaging';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DEADLINE_QUEUE, DeadlineJob } from './deadline-jobs';
import { DeadlineHandler } from './deadline.handler';
import { DeadlineDecision } from './deadline.rule';

/** Runs due deadline jobs; they wait in Redis, so they outlive a restart of this process. */
@Injectable()
export class DeadlineWorker extends DelayedJobWorker<DeadlineJob, DeadlineDecision> {
  constructor(@Inject(TASKING_ENV) env: TaskingEnv, handler: DeadlineHandler) {
    super({ redisUrl: env.REDIS_URL, prefix: env.REDIS_PREFIX, queue: DEADLINE_QUEUE }, (job) =>
      handler.run(job),
    );
  }
}
