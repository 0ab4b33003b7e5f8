import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { BoardTimelineController } from './board-timeline.controller';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';
import { BoardStreamService } from './board-stream.service';
import { FocusLineResultsController } from './focus-line-results.controller';

@Module({
  imports: [UpstreamModule],
  controllers: [BoardController, BoardTimelineController, FocusLineResultsController],
  providers: [BoardService, BoardStreamService],
  exports: [BoardStreamService, BoardService],
})
export class BoardModule {}
