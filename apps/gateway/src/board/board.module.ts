import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';
import { BoardStreamService } from './board-stream.service';

@Module({
  imports: [UpstreamModule],
  controllers: [BoardController],
  providers: [BoardService, BoardStreamService],
  exports: [BoardStreamService],
})
export class BoardModule {}
