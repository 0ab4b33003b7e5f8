import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  HANDOFF_RAISED,
  HANDOFF_REDIRECTED,
  HandoffEventV1,
  NO_OPERATION,
} from '@intensify/contracts';
import {
  ConsumedEvent,
  OutboxRelayHost,
  retriable,
  TransactionalConsumerHost,
} from '@intensify/messaging';
import { SAFEGUARDING_ENV, SafeguardingEnv, SCHEMA } from '../config';
import { deadlineOf } from './deadline-jobs';
import { DeadlineQueue } from './deadline.queue';
import { HandoffsChangedPublisher } from './handoffs-changed.publisher';

export const DEADLINES_GROUP = 'safeguarding.deadlines.v1';
const DEADLINE_STARTS = new Set<string>([HANDOFF_RAISED.type, HANDOFF_REDIRECTED.type]);

/**
 * Schedules the deadline of every raise and redirect from the service's own `safeguarding`
 * topic. The event exists only if the hand-off committed, and its offset moves on only once the
 * job is in Redis: no job without its hand-off, no hand-off without its job, even when the
 * service is killed in between. Once a batch is committed it also announces the operations
 * whose hand-offs changed, for the gateway's hand-off streams.
 */
@Injectable()
export class DeadlinesConsumer extends TransactionalConsumerHost<Set<string>> {
  constructor(
    @Inject(SAFEGUARDING_ENV) env: SafeguardingEnv,
    @InjectDataSource() db: DataSource,
    outbox: OutboxRelayHost,
    private readonly queue: DeadlineQueue,
    changes: HandoffsChangedPublisher,
  ) {
    super({
      kafka: outbox.kafka,
      dataSource: db,
      schema: SCHEMA,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      group: DEADLINES_GROUP,
      topics: ['safeguarding'],
      apply: (_m, events) => this.schedule(events),
      afterCommit: (operations) => changes.announce(operations),
    });
  }

  /** Adds the batch's deadline jobs; answers the operations the batch touched. */
  private async schedule(events: ConsumedEvent[]): Promise<Set<string>> {
    const payloads = events.map(({ event }) => ({
      type: event.type,
      payload: event.payload as HandoffEventV1,
    }));
    const operations = new Set(payloads.map((e) => e.payload.operationId ?? NO_OPERATION));
    const jobs = payloads
      .filter((e) => DEADLINE_STARTS.has(e.type))
      .map((e) => deadlineOf(e.payload));
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
