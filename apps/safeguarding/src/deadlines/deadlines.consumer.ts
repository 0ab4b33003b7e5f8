import { Injectable } from '@nestjs/common';
import {
  HANDOFF_RAISED,
  HANDOFF_REDIRECTED,
  HandoffEventV1,
  NO_OPERATION,
} from '@intensify/contracts';
import { DeadlineSchedulingConsumer, ServiceConsumerSettings } from '@intensify/messaging';
import { DeadlineJob, deadlineOf } from './deadline-jobs';
import { DeadlineQueue } from './deadline.queue';
import { HandoffsChangedPublisher } from './handoffs-changed.publisher';

export const DEADLINES_GROUP = 'safeguarding.deadlines.v1';
const DEADLINE_STARTS = new Set<string>([HANDOFF_RAISED.type, HANDOFF_REDIRECTED.type]);

/**
 * Schedules the deadline of every raise and redirect from the service's own `safeguarding`
 * topic. Once a batch is committed it also announces the operations whose hand-offs changed,
 * for the gateway's hand-off streams.
 */
@Injectable()
export class DeadlinesConsumer extends DeadlineSchedulingConsumer<DeadlineJob> {
  constructor(
    settings: ServiceConsumerSettings,
    queue: DeadlineQueue,
    changes: HandoffsChangedPublisher,
  ) {
    super(settings, {
      group: DEADLINES_GROUP,
      topics: ['safeguarding'],
      queue,
      deadlinesOf: (event) =>
        DEADLINE_STARTS.has(event.type) ? [deadlineOf(event.payload as HandoffEventV1)] : [],
      announce: {
        operationOf: (event) => (event.payload as HandoffEventV1).operationId ?? NO_OPERATION,
        to: (operations) => changes.announce(operations),
      },
    });
  }
}
