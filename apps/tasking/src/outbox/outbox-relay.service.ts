import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { topics } from '@intensify/contracts';
import { createKafka, ensureTopics, OutboxRelay } from '@intensify/messaging';
import { onScrape } from '@intensify/runtime';
import { TASKING_ENV, TaskingEnv, SCHEMA } from '../config';

/** Runs the tasking outbox relay for the life of the process. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly kafka: Kafka;
  private readonly producer: Producer;
  readonly relay: OutboxRelay;

  constructor(@Inject(TASKING_ENV) private readonly env: TaskingEnv) {
    this.kafka = createKafka(env.KAFKA_BROKERS, 'tasking');
    this.producer = this.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.relay = new OutboxRelay({
      databaseUrl: env.DATABASE_URL,
      schema: SCHEMA,
      producer: this.producer,
    });
    onScrape(async () => void (await this.relay.backlog()));
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, Object.values(topics(this.env.KAFKA_TOPIC_PREFIX)));
    await this.producer.connect();
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
  }

  async kafkaReachable(): Promise<boolean> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return true;
    } catch {
      return false;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
