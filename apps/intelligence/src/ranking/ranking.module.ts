import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { intelligenceWriter } from '../intelligence-writer';
import { SetFocusLinesHandler } from './commands/set-focus-lines/set-focus-lines.handler';
import { RankingController } from './ranking.controller';
import { RankingReader } from './ranking.reader';

@Module({
  imports: [CqrsModule],
  controllers: [RankingController],
  providers: [intelligenceWriter, SetFocusLinesHandler, RankingReader],
})
export class RankingModule {}
