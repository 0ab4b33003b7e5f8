import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthModule } from '@intensify/runtime';
import { BoardChangesPublisher } from '../read-models/board-changes.publisher';
import { ReadModelsConsumer } from '../read-models/read-models.consumer';
import { ReadModelsModule } from '../read-models/read-models.module';

export const ProjectionsHealthModule = HealthModule.forService({
  imports: [ReadModelsModule],
  inject: [getDataSourceToken(), ReadModelsConsumer, BoardChangesPublisher],
  checks: (db: DataSource, readModels: ReadModelsConsumer, changes: BoardChangesPublisher) => ({
    postgres: async () => void (await db.query('SELECT 1')),
    redis: async () => void (await changes.redis.ping()),
    consumer: async () => {
      const c = readModels.consumer;
      if (!c.hasPartitions) throw new Error('the read-models consumer has no partitions assigned');
      return { assignment: c.assignment, applied: c.applied, deadLettered: c.deadLettered };
    },
  }),
});
