import { Controller, Get, Param, Query } from '@nestjs/common';
import { TimelineHour, INTERNAL } from '@intensify/contracts';
import { TimelineReader } from './timeline.reader';

@Controller(INTERNAL.projections.timeline.controller)
export class TimelineController {
  constructor(private readonly reader: TimelineReader) {}

  /** `forces` (comma-separated) limits the sum; the gateway has checked them against scope. */
  @Get(INTERNAL.projections.timeline.read.path)
  read(
    @Param('operationId') operationId: string,
    @Query('forces') forces?: string,
  ): Promise<TimelineHour[]> {
    return this.reader.read(operationId, forces ? forces.split(',') : null);
  }
}
