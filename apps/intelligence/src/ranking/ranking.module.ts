import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SetFocusLinesHandler } from './commands/set-focus-lines/set-focus-lines.handler';
import { RankingController } from './ranking.controller';
import { RankingReader } from './ranking.reader';

@Module({
  imports: [CqrsModule],
  controllers: [RankingController],
  providers: [SetFocusLinesHandler, RankingReader],
})
export class RankingModule {}
