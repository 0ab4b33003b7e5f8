import { Controller, Get, Param } from '@nestjs/common';
import { BoardFigures } from '@intensify/contracts';
import { BoardReader } from './board-tallies.reader';

@Controller('internal/boards')
export class BoardController {
  constructor(private readonly reader: BoardReader) {}

  @Get(':operationId')
  read(@Param('operationId') operationId: string): Promise<BoardFigures> {
    return this.reader.read(operationId);
  }
}
