import { Inject, Injectable } from '@nestjs/common';
import { DelayedJobQueue } from '@intensify/messaging';
import { Clock, CLOCK } from '../clock';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DEADLINE_JOB_OPTIONS, DEADLINE_QUEUE, DeadlineJob, deadlineJobId } from './deadline-jobs';

/** Adds deadline jobs, each delayed until its deadline; adding one that exists changes nothing. */
@Injectable()
export class DeadlineQueue extends DelayedJobQueue<DeadlineJob> {
  constructor(@Inject(TASKING_ENV) env: TaskingEnv, @Inject(CLOCK) clock: Clock) {
    super(
      {
        redisUrl: env.REDIS_URL,
        prefix: env.REDIS_PREFIX,
        queue: DEADLINE_QUEUE,
        jobOptions: DEADLINE_JOB_OPTIONS,
      },
      () => clock.now(),
    );
  }

  schedule(jobs: DeadlineJob[]): Promise<void> {
    return this.add(
      jobs.map((data) => ({ name: data.kind, id: deadlineJobId(data), dueAt: data.dueAt, data })),
    );
  }
}
