import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  consumerGroup,
  TASKING_ISSUED,
  TASKING_REASSIGNED,
  TaskingIssueV1,
  topics,
} from '@intensify/contracts';
import { ConsumedEvent, ensureTopics, TransactionalConsumer } from '@intensify/messaging';
import { TASKING_ENV, TaskingEnv, SCHEMA } from '../config';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { deadlinesOf } from './deadline-jobs';
import { DeadlineQueue } from './deadline-queue.service';
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
export class DeadlinesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: TransactionalConsumer<Set<string>>;
  private readonly producer: Producer;

  constructor(
    @Inject(TASKING_ENV) private readonly env: TaskingEnv,
    @InjectDataSource() db: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly queue: DeadlineQueue,
    changes: TaskingsChangedPublisher,
  ) {
    const t = topics(env.KAFKA_TOPIC_PREFIX);
    this.producer = outbox.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer = new TransactionalConsumer({
      kafka: outbox.kafka,
      dataSource: db,
      schema: SCHEMA,
      groupId: consumerGroup(env.KAFKA_TOPIC_PREFIX, DEADLINES_GROUP),
      topics: [t.taskings.name],
      deadLetterTopic: t.deadLetters.name,
      producer: this.producer,
      apply: (_m, events) => this.schedule(events),
      afterCommit: (operations) => changes.announce(operations),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.outbox.kafka, Object.values(topics(this.env.KAFKA_TOPIC_PREFIX)));
    await this.producer.connect();
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.producer.disconnect();
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
      throw Object.assign(new Error(`scheduling deadlines failed: ${(e as Error).message}`), {
        retriable: true,
      });
    }
  }
}
