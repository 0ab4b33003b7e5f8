import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { AnswerOf, BodyOf, INTERNAL } from '@intensify/contracts';
import { FocusLineResultsReader } from './focus-line-results.reader';

const READ = INTERNAL.projections.focusResults.read;

@Controller(INTERNAL.projections.focusResults.controller)
export class FocusLineResultsController {
  constructor(private readonly reader: FocusLineResultsReader) {}

  /** A read: the body carries the holders' network the gateway took from the register. */
  @Post(READ.path)
  @HttpCode(200)
  read(
    @Param('operationId') id: string,
    @Body() { network }: BodyOf<typeof READ>,
  ): Promise<AnswerOf<typeof READ>> {
    return this.reader.read(id, network);
  }
}
