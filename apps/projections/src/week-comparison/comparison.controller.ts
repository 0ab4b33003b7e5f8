import { Controller, Get, Param, Query } from '@nestjs/common';
import { ComparedWeek, INTERNAL } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { ComparisonReader } from './comparison.reader';

const ROUTES = INTERNAL.projections.comparison;

@Controller(ROUTES.controller)
export class ComparisonController {
  constructor(private readonly reader: ComparisonReader) {}

  /** Every force; the gateway keeps what the caller may see. */
  @Get(ROUTES.read.path)
  read(
    @Param('operationId') operationId: string,
    @Query('hours') hours?: string,
  ): Promise<{ thisWeek: ComparedWeek; earlierWeeks: ComparedWeek[] }> {
    if (hours !== undefined && !/^\d{1,5}$/.test(hours))
      throw ProblemError.validation([{ field: 'hours', message: 'must be a whole number' }]);
    return this.reader.read(operationId, hours === undefined ? null : Number(hours));
  }
}
