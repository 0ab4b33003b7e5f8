import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthModule } from '@intensify/runtime';
import { BoardChangesPublisher } from '../board/board-changes.publisher';
import { BoardConsumerService } from '../board/board-consumer.service';
import { BoardModule } from '../board/board.module';

export const ProjectionsHealthModule = HealthModule.forService({
  imports: [BoardModule],
  inject: [getDataSourceToken(), BoardConsumerService, BoardChangesPublisher],
  checks: (db: DataSource, board: BoardConsumerService, changes: BoardChangesPublisher) => ({
    postgres: async () => void (await db.query('SELECT 1')),
    redis: async () => void (await changes.redis.ping()),
    consumer: async () => {
      const c = board.consumer;
      if (!c.hasPartitions) throw new Error('the board consumer has no partitions assigned');
      return { assignment: c.assignment, applied: c.applied, deadLettered: c.deadLettered };
    },
  }),
});
