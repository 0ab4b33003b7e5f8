import { Inject, Injectable } from '@nestjs/common';
import { DeadlineJobQueue } from '@intensify/messaging';
import { Clock, CLOCK } from '../clock';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';
import { DEADLINE_QUEUE, DeadlineJob, deadlineKey } from './deadline-jobs';

/** The acknowledgement deadlines' queue, on the service's Redis and clock. */
@Injectable()
export class DeadlineQueue extends DeadlineJobQueue<DeadlineJob> {
  constructor(@Inject(SAFEGUARDING_ENV) env: SafeguardingEnv, @Inject(CLOCK) clock: Clock) {
    super(env, DEADLINE_QUEUE, deadlineKey, () => clock.now());
  }
}
