import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createKafka, TransactionalConsumerHost } from '@intensify/messaging';
import { PROJECTIONS_ENV, ProjectionsEnv, SCHEMA } from '../config';
import { BoardChangesPublisher } from './board-changes.publisher';
import { applyToReadModels, ReadModelChanges } from './read-models';

/**
 * The service's one consumer: each batch of the operations, outcomes, taskings, intelligence
 * safeguarding and baselines topics goes to every read model, with its offsets, in one transaction.
 */
@Injectable()
export class ReadModelsConsumer extends TransactionalConsumerHost<ReadModelChanges> {
  constructor(
    @Inject(PROJECTIONS_ENV) env: ProjectionsEnv,
    @InjectDataSource() db: DataSource,
    changes: BoardChangesPublisher,
  ) {
    super({
      kafka: createKafka(env.KAFKA_BROKERS, 'projections'),
      fetch: FETCH,
      dataSource: db,
      schema: SCHEMA,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      group: env.PROJECTIONS_GROUP_ID,
      topics: ['operations', 'outcomes', 'taskings', 'intelligence', 'safeguarding', 'baselines'],
      apply: applyToReadModels,
      afterCommit: async ({ boards, inboxes }) => {
        await changes.publish(boards);
        await changes.publishInboxes(inboxes);
      },
    });
  }
}

/**
 * Up to 2 MB per partition and 16 MB per fetch (kafkajs: 1 MB and 10 MB) for this service's
 * consumer groups, the live one and a rebuild's. A batch is one transaction, and each adds once to
 * every (operation, force) and (operation, force, hour) sum it touches: in a replay of a busy week
 * a batch of 1 MB (about 1,700 outcomes) touched as many sum rows as it held outcomes. Larger
 * batches write each sum row once for more outcomes. Live batches are small and do not change.
 */
export const FETCH = { maxBytesPerPartition: 2 * 1024 * 1024, maxBytes: 16 * 1024 * 1024 };
