import { Inject, Injectable } from '@nestjs/common';
import { DeadlineJobQueue } from '@intensify/messaging';
import { Clock, CLOCK } from '../../clock';
import { INTELLIGENCE_ENV, IntelligenceEnv } from '../../config';
import {
  PROVIDER_DEADLINE_QUEUE,
  ProviderDeadlineJob,
  providerDeadlineJobId,
} from './provider-deadline.rule';

/** One delayed job per granted order, on the service's Redis and clock. */
@Injectable()
export class ProviderDeadlineQueue extends DeadlineJobQueue<ProviderDeadlineJob> {
  constructor(@Inject(INTELLIGENCE_ENV) env: IntelligenceEnv, @Inject(CLOCK) clock: Clock) {
    super(
      env,
      PROVIDER_DEADLINE_QUEUE,
      (job) => ({
        name: 'provider-deadline',
        id: providerDeadlineJobId(job.ddtroId),
        dueAt: job.deadline,
      }),
      () => clock.now(),
    );
  }
}
