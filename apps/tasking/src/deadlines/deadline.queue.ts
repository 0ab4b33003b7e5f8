import { Inject, Injectable } from '@nestjs/common';
import { DeadlineJobQueue } from '@intensify/messaging';
import { Clock, CLOCK } from '../clock';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DEADLINE_QUEUE, DeadlineJob, deadlineKey } from './deadline-jobs';

/** The tasking deadlines' queue, on the service's Redis and clock. */
@Injectable()
export class DeadlineQueue extends DeadlineJobQueue<DeadlineJob> {
  constructor(@Inject(TASKING_ENV) env: TaskingEnv, @Inject(CLOCK) clock: Clock) {
    super(env, DEADLINE_QUEUE, deadlineKey, () => clock.now());
  }
}
