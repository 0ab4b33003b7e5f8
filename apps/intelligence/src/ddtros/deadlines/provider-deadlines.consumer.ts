import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Partitioners, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { consumerGroup, DDTRO_GRANTED, DdtroEventV1, topics } from '@intensify/contracts';
import { ConsumedEvent, ensureTopics, TransactionalConsumer } from '@intensify/messaging';
import { INTELLIGENCE_ENV, IntelligenceEnv, SCHEMA } from '../../config';
import { OutboxRelayService } from '../../outbox/outbox-relay.service';
import { ProviderDeadlineQueue } from './provider-deadline.queue';

export const PROVIDER_DEADLINES_GROUP = 'intelligence.ddtro-deadlines.v1';

/**
 * Schedules each granted order's provider deadline from the service's own topic: the event
 * exists only if the grant committed, and its offset moves on only once the job is in Redis.
 */
@Injectable()
export class ProviderDeadlinesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly consumer: TransactionalConsumer;
  private readonly producer: Producer;

  constructor(
    @Inject(INTELLIGENCE_ENV) private readonly env: IntelligenceEnv,
    @InjectDataSource() db: DataSource,
    private readonly outbox: OutboxRelayService,
    private readonly queue: ProviderDeadlineQueue,
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
      groupId: consumerGroup(env.KAFKA_TOPIC_PREFIX, PROVIDER_DEADLINES_GROUP),
      topics: [t.intelligence.name],
      deadLetterTopic: t.deadLetters.name,
      producer: this.producer,
      apply: (_m, events) => this.schedule(events),
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

  private async schedule(events: ConsumedEvent[]): Promise<void> {
    const jobs = events
      .filter(({ event }) => event.type === DDTRO_GRANTED.type)
      .map(({ event }) => event.payload as DdtroEventV1)
      .map((p) => ({ ddtroId: p.ddtroId, deadline: p.providerDeadline! }));
    if (jobs.length === 0) return;
    try {
      await this.queue.schedule(jobs);
    } catch (e) {
      throw Object.assign(
        new Error(`scheduling provider deadlines failed: ${(e as Error).message}`),
        {
          retriable: true,
        },
      );
    }
  }
}
