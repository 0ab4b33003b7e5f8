import { Controller, Get, Param } from '@nestjs/common';
import { FocusMap, INTERNAL } from '@intensify/contracts';
import { FocusMapReader } from './focus-map.reader';

@Controller(INTERNAL.projections.focusMap.controller)
export class FocusMapController {
  constructor(private readonly reader: FocusMapReader) {}

  @Get(INTERNAL.projections.focusMap.read.path)
  read(@Param('operationId') operationId: string): Promise<FocusMap> {
    return this.reader.read(operationId);
  }
}
