import { Module } from '@nestjs/common';
import { BoardController } from './board-tallies.controller';
import { BoardReader } from './board-tallies.reader';

@Module({ controllers: [BoardController], providers: [BoardReader], exports: [BoardReader] })
export class BoardTalliesModule {}
