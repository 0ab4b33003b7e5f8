import { Controller, Get, Param } from '@nestjs/common';
import { FocusMap } from '@intensify/contracts';
import { FocusMapReader } from './focus-map.reader';

@Controller('internal/focus-maps')
export class FocusMapController {
  constructor(private readonly reader: FocusMapReader) {}

  @Get(':operationId')
  read(@Param('operationId') operationId: string): Promise<FocusMap> {
    return this.reader.read(operationId);
  }
}
