import { Module } from '@nestjs/common';
import { BoardTalliesModule } from '../board-tallies/board-tallies.module';
import { FocusMapController } from './focus-map.controller';
import { FocusMapReader } from './focus-map.reader';

@Module({
  imports: [BoardTalliesModule],
  controllers: [FocusMapController],
  providers: [FocusMapReader],
})
export class FocusMapModule {}
