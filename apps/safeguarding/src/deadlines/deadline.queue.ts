import { Inject, Injectable } from '@nestjs/common';
import { DelayedJobQueue } from '@intensify/messaging';
import { Clock, CLOCK } from '../clock';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';
import { DEADLINE_JOB_OPTIONS, DEADLINE_QUEUE, DeadlineJob, deadlineJobId } from './deadline-jobs';

/** Adds deadline jobs, each delayed until its deadline; adding one that exists changes nothing. */
@Injectable()
export class DeadlineQueue extends DelayedJobQueue<DeadlineJob> {
  constructor(@Inject(SAFEGUARDING_ENV) env: SafeguardingEnv, @Inject(CLOCK) clock: Clock) {
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
      jobs.map((data) => ({
        name: 'acknowledge',
        id: deadlineJobId(data),
        dueAt: data.dueAt,
        data,
      })),
    );
  }
}
