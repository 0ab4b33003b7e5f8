import { Module } from '@nestjs/common';
import { BoardChangesPublisher } from './board-changes.publisher';
import { ReadModelsConsumer } from './read-models.consumer';

@Module({
  providers: [BoardChangesPublisher, ReadModelsConsumer],
  exports: [ReadModelsConsumer, BoardChangesPublisher],
})
export class ReadModelsModule {}
