import { Controller, Get, Param } from '@nestjs/common';
import { BoardFigures, INTERNAL } from '@intensify/contracts';
import { BoardReader } from './board-tallies.reader';

@Controller(INTERNAL.projections.board.controller)
export class BoardController {
  constructor(private readonly reader: BoardReader) {}

  @Get(INTERNAL.projections.board.read.path)
  read(@Param('operationId') operationId: string): Promise<BoardFigures> {
    return this.reader.read(operationId);
  }
}
