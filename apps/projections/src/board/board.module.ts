import { Module } from '@nestjs/common';
import { BoardChangesPublisher } from './board-changes.publisher';
import { BoardConsumerService } from './board-consumer.service';
import { BoardController } from './board.controller';
import { BoardReader } from './board.reader';
import { FocusMapController } from '../focus-map/focus-map.controller';
import { FocusMapReader } from '../focus-map/focus-map.reader';

@Module({
  controllers: [BoardController, FocusMapController],
  providers: [BoardReader, FocusMapReader, BoardChangesPublisher, BoardConsumerService],
  exports: [BoardConsumerService, BoardChangesPublisher],
})
export class BoardModule {}
