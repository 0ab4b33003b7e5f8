import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { intelligenceWriter } from '../intelligence-writer';
import { OverrideFocusForceHandler } from './commands/override-focus-force/override-focus-force.handler';
import { SetFocusLinesHandler } from './commands/set-focus-lines/set-focus-lines.handler';
import { RankingController } from './ranking.controller';
import { RankingReader } from './ranking.reader';

@Module({
  imports: [CqrsModule],
  controllers: [RankingController],
  providers: [intelligenceWriter, SetFocusLinesHandler, OverrideFocusForceHandler, RankingReader],
})
export class RankingModule {}
