import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { consumerGroup, topics } from '@intensify/contracts';
import { createKafka, ensureTopics, TransactionalConsumer } from '@intensify/messaging';
import { onScrape } from '@intensify/runtime';
import { PROJECTIONS_ENV, ProjectionsEnv, SCHEMA } from '../config';
import { BoardChangesPublisher } from './board-changes.publisher';
import { applyBoardBatch } from './board.projection';

/** Keeps the board and focus map read models up to date from the operations, outcomes, taskings and intelligence topics. */
@Injectable()
export class BoardConsumerService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly consumer: TransactionalConsumer<Set<string>>;

  constructor(
    @Inject(PROJECTIONS_ENV) private readonly env: ProjectionsEnv,
    @InjectDataSource() db: DataSource,
    changes: BoardChangesPublisher,
  ) {
    this.kafka = createKafka(env.KAFKA_BROKERS, 'projections');
    this.producer = this.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const t = topics(env.KAFKA_TOPIC_PREFIX);
    this.consumer = new TransactionalConsumer({
      kafka: this.kafka,
      dataSource: db,
      schema: SCHEMA,
      groupId: consumerGroup(env.KAFKA_TOPIC_PREFIX, env.PROJECTIONS_GROUP_ID),
      topics: [t.operations.name, t.outcomes.name, t.taskings.name, t.intelligence.name],
      deadLetterTopic: t.deadLetters.name,
      producer: this.producer,
      apply: applyBoardBatch,
      afterCommit: (touched) => changes.publish(touched),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    onScrape(async () => void (await this.consumer.lag()));
    await ensureTopics(this.kafka, Object.values(topics(this.env.KAFKA_TOPIC_PREFIX)));
    await this.producer.connect();
    await this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.producer.disconnect();
  }
}
