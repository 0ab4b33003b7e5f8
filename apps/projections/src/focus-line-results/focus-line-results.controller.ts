import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { FocusLineResults, FocusNetwork, INTERNAL } from '@intensify/contracts';
import { FocusLineResultsReader } from './focus-line-results.reader';

@Controller(INTERNAL.projections.focusResults.controller)
export class FocusLineResultsController {
  constructor(private readonly reader: FocusLineResultsReader) {}

  /** A read: the body carries the holders' network the gateway took from the register. */
  @Post(INTERNAL.projections.focusResults.read.path)
  @HttpCode(200)
  read(
    @Param('operationId') operationId: string,
    @Body() body: { network: FocusNetwork },
  ): Promise<FocusLineResults> {
    return this.reader.read(operationId, body.network);
  }
}
