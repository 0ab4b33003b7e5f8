import { Inject, Injectable } from '@nestjs/common';
import { TASKING_ISSUED, TASKING_REASSIGNED, TaskingIssueV1 } from '@intensify/contracts';
import {
  ConsumedEvent,
  retriable,
  ServiceConsumerSettings,
  TransactionalConsumerHost,
} from '@intensify/messaging';
import { TASKING_ENV, TaskingEnv } from '../config';
import { deadlinesOf } from './deadline-jobs';
import { DeadlineQueue } from './deadline.queue';
import { TaskingsChangedPublisher } from './taskings-changed.publisher';

export const DEADLINES_GROUP = 'tasking.deadlines.v1';
const ISSUES = new Set<string>([TASKING_ISSUED.type, TASKING_REASSIGNED.type]);

/**
 * Schedules the deadlines of every issue from the service's own `taskings` topic. The event
 * exists only if the tasking committed, and its offset moves on only once the jobs are in
 * Redis: no job without its tasking, no tasking without its jobs. Once a batch is committed it
 * also announces the operations whose taskings changed, for the gateway's tasking streams.
 */
@Injectable()
export class DeadlinesConsumer extends TransactionalConsumerHost<Set<string>> {
  constructor(
    @Inject(TASKING_ENV) private readonly env: TaskingEnv,
    settings: ServiceConsumerSettings,
    private readonly queue: DeadlineQueue,
    changes: TaskingsChangedPublisher,
  ) {
    super({
      ...settings,
      group: DEADLINES_GROUP,
      topics: ['taskings'],
      apply: (_m, events) => this.schedule(events),
      afterCommit: (operations) => changes.announce(operations),
    });
  }

  /** Adds the batch's deadline jobs; answers the operations the batch touched. */
  private async schedule(events: ConsumedEvent[]): Promise<Set<string>> {
    const operations = new Set(
      events.map(({ event }) => (event.payload as { operationId: string }).operationId),
    );
    const jobs = events
      .filter(({ event }) => ISSUES.has(event.type))
      .flatMap(({ event }) =>
        deadlinesOf(event.payload as TaskingIssueV1, this.env.TASKING_MINUTE_MS),
      );
    if (jobs.length === 0) return operations;
    try {
      await this.queue.schedule(jobs);
      return operations;
    } catch (e) {
      // Redis being away is no fault of the events: retry them rather than set them aside.
      throw retriable('scheduling deadlines', e);
    }
  }
}
