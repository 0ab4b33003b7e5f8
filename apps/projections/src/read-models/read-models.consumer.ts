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
