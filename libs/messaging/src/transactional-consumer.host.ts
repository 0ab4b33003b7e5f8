import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { consumerGroup, TopicKey, topics } from '@intensify/contracts';
import { onScrape } from '@intensify/runtime';
import { messagingMetrics } from './metrics';
import { ensureTopics } from './topics';
import {
  BatchApplier,
  TransactionalConsumer,
  TransactionalConsumerOptions,
} from './transactional-consumer';

export interface TransactionalConsumerHostOptions<R = void> {
  /** The service's Kafka client (its outbox relay's). */
  kafka: Kafka;
  dataSource: DataSource;
  /** The schema whose `consumer_offsets` table stores this group's offsets. */
  schema: string;
  topicPrefix: string;
  /** The group's name without the environment's prefix, e.g. `tasking.deadlines.v1`. */
  group: string;
  topics: TopicKey[];
  apply: BatchApplier<R>;
  /** Runs once a batch and its offsets are committed, with what `apply` answered. */
  afterCommit?: (result: R) => Promise<void> | void;
  /** The events this group acts on; the rest are passed over without a transaction. */
  concerns?: TransactionalConsumerOptions<R>['concerns'];
  fetch?: TransactionalConsumerOptions<R>['fetch'];
}

/**
 * A service's consumer of some topics for the life of the process, with its own producer for
 * dead letters; offsets commit with what `apply` writes. Every service's `/metrics` shows its
 * lag and events applied. Services declare an injectable subclass that passes their settings.
 */
export class TransactionalConsumerHost<R = void>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly consumer: TransactionalConsumer<R>;
  /** Also what a rebuild of the service's read models sends its dead letters with. */
  readonly producer: Producer;

  constructor(private readonly o: TransactionalConsumerHostOptions<R>) {
    const t = topics(o.topicPrefix);
    this.producer = o.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.consumer = new TransactionalConsumer({
      kafka: o.kafka,
      dataSource: o.dataSource,
      schema: o.schema,
      groupId: consumerGroup(o.topicPrefix, o.group),
      topics: o.topics.map((k) => t[k].name),
      deadLetterTopic: t.deadLetters.name,
      producer: this.producer,
      apply: o.apply,
      afterCommit: o.afterCommit,
      concerns: o.concerns,
      fetch: o.fetch,
    });
    // A group that has applied nothing yet still shows, at zero, rather than not at all.
    messagingMetrics.applied.inc({ group: this.consumer.groupId }, 0);
  }

  get kafka(): Kafka {
    return this.o.kafka;
  }

  async onApplicationBootstrap(): Promise<void> {
    onScrape(async () => void (await this.consumer.lag()));
    await ensureTopics(this.o.kafka, Object.values(topics(this.o.topicPrefix)));
    await this.producer.connect();
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.producer.disconnect();
  }
}

/** Marks a failure as the infrastructure's (Redis away), so the batch is retried, not dead-lettered. */
export function retriable(what: string, e: unknown): Error {
  return Object.assign(new Error(`${what} failed: ${(e as Error).message}`), { retriable: true });
}
