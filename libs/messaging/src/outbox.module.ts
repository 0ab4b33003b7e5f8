import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TopicKey, topics } from '@intensify/contracts';
import { CommonEnv, SERVICE_ENV } from '@intensify/runtime';
import { OutboxRelayHost } from './outbox-relay.host';
import { ServiceConsumerSettings } from './service-consumer-settings';

/** The names of the platform's topics in this environment (their prefix included). */
export const TOPICS = Symbol('TOPICS');
export type TopicNames = Record<TopicKey, string>;

export interface OutboxServiceOptions {
  /** The service's name, used as Kafka client id. */
  clientId: string;
  /** The schema holding the service's `outbox` table. */
  schema: string;
}

export function topicNames(prefix: string): TopicNames {
  const specs = topics(prefix);
  return Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.name])) as TopicNames;
}

/**
 * A service's outbox: the relay that publishes what its transactions append, the topic names it
 * writes to, and what its own consumers share with it. Imported once by the service's root
 * module; global to its features.
 */
@Module({})
export class OutboxModule {
  static forService(o: OutboxServiceOptions): DynamicModule {
    return {
      module: OutboxModule,
      global: true,
      providers: [
        {
          provide: TOPICS,
          inject: [SERVICE_ENV],
          useFactory: (env: CommonEnv) => topicNames(env.KAFKA_TOPIC_PREFIX),
        },
        {
          provide: OutboxRelayHost,
          inject: [SERVICE_ENV],
          useFactory: (env: CommonEnv) =>
            new OutboxRelayHost({
              brokers: env.KAFKA_BROKERS,
              clientId: o.clientId,
              databaseUrl: env.DATABASE_URL,
              schema: o.schema,
              topicPrefix: env.KAFKA_TOPIC_PREFIX,
            }),
        },
        {
          provide: ServiceConsumerSettings,
          inject: [SERVICE_ENV, OutboxRelayHost, getDataSourceToken()],
          useFactory: (env: CommonEnv, outbox: OutboxRelayHost, db: DataSource) =>
            new ServiceConsumerSettings(outbox.kafka, db, o.schema, env.KAFKA_TOPIC_PREFIX),
        },
      ],
      exports: [TOPICS, OutboxRelayHost, ServiceConsumerSettings],
    };
  }
}
