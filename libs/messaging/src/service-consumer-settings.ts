import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { TransactionalConsumerHostOptions } from './transactional-consumer.host';

type Shared = Pick<
  TransactionalConsumerHostOptions,
  'kafka' | 'dataSource' | 'schema' | 'topicPrefix'
>;

/**
 * What a service's own consumers share with its outbox: the relay's Kafka client, the service's
 * database and schema (where `consumer_offsets` is kept) and the environment's topic prefix.
 * Provided by `OutboxModule.forService`; a consumer host spreads it into its options.
 */
export class ServiceConsumerSettings implements Shared {
  constructor(
    readonly kafka: Kafka,
    readonly dataSource: DataSource,
    readonly schema: string,
    readonly topicPrefix: string,
  ) {}
}
