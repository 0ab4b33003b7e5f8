import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Partitioners, Producer } from 'kafkajs';
import { topics } from '@intensify/contracts';
import { onScrape } from '@intensify/runtime';
import { createKafka } from './kafka';
import { OutboxRelay } from './outbox.relay';
import { ensureTopics } from './topics';

export interface OutboxRelayHostOptions {
  brokers: string;
  /** The owning service's name, used as Kafka client id. */
  clientId: string;
  databaseUrl: string;
  /** The schema holding the service's `outbox` table. */
  schema: string;
  topicPrefix: string;
}

/**
 * A service's outbox relay with its own producer, for the life of the process; provided by
 * `OutboxModule.forService` with the service's settings.
 */
export class OutboxRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly relay: OutboxRelay;
  private readonly producer: Producer;

  constructor(private readonly options: OutboxRelayHostOptions) {
    this.kafka = createKafka(options.brokers, options.clientId);
    this.producer = this.kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      // One request in flight keeps each partition's events in outbox order.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.relay = new OutboxRelay({
      databaseUrl: options.databaseUrl,
      schema: options.schema,
      producer: this.producer,
    });
    onScrape(async () => void (await this.relay.backlog()));
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, Object.values(topics(this.options.topicPrefix)));
    await this.producer.connect();
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
  }

  /**
   * The health check of the outbox: a backlog alone is normal under load; one that has not
   * moved for `stallMs` is not, and throws.
   */
  async checkOutbox(stallMs: number): Promise<Record<string, number>> {
    const backlog = await this.relay.backlog();
    const stalledForMs = this.relay.stalledForMs;
    if (backlog > 0 && stalledForMs > stallMs)
      throw new Error(`outbox backlog of ${backlog} has not drained for ${stalledForMs} ms`);
    return { backlog, published: this.relay.published, stalledForMs };
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
