import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { BoardTimelineController } from './board-timeline.controller';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';
import { BoardStreamService } from './board-stream.service';

@Module({
  imports: [UpstreamModule],
  controllers: [BoardController, BoardTimelineController],
  providers: [BoardService, BoardStreamService],
  exports: [BoardStreamService, BoardService],
})
export class BoardModule {}
