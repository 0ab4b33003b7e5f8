import { Inject, Injectable } from '@nestjs/common';
import { TASKING_ISSUED, TASKING_REASSIGNED, TaskingIssueV1 } from '@intensify/contracts';
import { DeadlineSchedulingConsumer, ServiceConsumerSettings } from '@intensify/messaging';
import { TASKING_ENV, TaskingEnv } from '../config';
import { DeadlineJob, deadlinesOf } from './deadline-jobs';
import { DeadlineQueue } from './deadline.queue';
import { TaskingsChangedPublisher } from './taskings-changed.publisher';

export const DEADLINES_GROUP = 'tasking.deadlines.v1';
const ISSUES = new Set<string>([TASKING_ISSUED.type, TASKING_REASSIGNED.type]);

/**
 * Schedules the deadlines of every issue from the service's own `taskings` topic. Once a batch
 * is committed it also announces the operations whose taskings changed, for the gateway's
 * tasking streams.
 */
@Injectable()
export class DeadlinesConsumer extends DeadlineSchedulingConsumer<DeadlineJob> {
  constructor(
    @Inject(TASKING_ENV) env: TaskingEnv,
    settings: ServiceConsumerSettings,
    queue: DeadlineQueue,
    changes: TaskingsChangedPublisher,
  ) {
    super(settings, {
      group: DEADLINES_GROUP,
      topics: ['taskings'],
      queue,
      deadlinesOf: (event) =>
        ISSUES.has(event.type)
          ? deadlinesOf(event.payload as TaskingIssueV1, env.TASKING_MINUTE_MS)
          : [],
      announce: {
        operationOf: (event) => (event.payload as { operationId: string }).operationId,
        to: (operations) => changes.announce(operations),
      },
    });
  }
}
