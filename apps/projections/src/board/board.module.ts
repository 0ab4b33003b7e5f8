import { Module } from '@nestjs/common';
import { BoardChangesPublisher } from './board-changes.publisher';
import { BoardConsumerService } from './board-consumer.service';
import { BoardController } from './board.controller';
import { BoardReader } from './board.reader';

@Module({
  controllers: [BoardController],
  providers: [BoardReader, BoardChangesPublisher, BoardConsumerService],
  exports: [BoardConsumerService, BoardChangesPublisher],
})
export class BoardModule {}
