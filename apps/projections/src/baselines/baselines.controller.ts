import { Controller, Get, Param } from '@nestjs/common';
import { GamingCheckAnswer, INTERNAL, isoWeekErrors } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { BaselinesReader } from './baselines.reader';

const ROUTES = INTERNAL.projections.baselines;

@Controller(ROUTES.controller)
export class BaselinesController {
  constructor(private readonly reader: BaselinesReader) {}

  /** Every force; the gateway keeps what the caller may see. */
  @Get(ROUTES.gamingCheck.path)
  gamingCheck(@Param('isoWeek') isoWeek: string): Promise<GamingCheckAnswer> {
    const errors = isoWeekErrors(isoWeek);
    if (errors.length) throw ProblemError.validation(errors);
    return this.reader.gamingCheck(isoWeek);
  }
}
