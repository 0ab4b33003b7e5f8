import { Body, Controller, Param, Post } from '@nestjs/common';
import { INTERNAL, OutcomeChangeAccepted, validateReason } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { authorize } from '../auth/forbid';
import { Caller, forward } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { UpstreamClient } from '../upstream/upstream.client';
import { LineReferences } from '../intelligence/line-references';
import { checkOutcomeWrite } from './check-outcome-write';

/**
 * Corrections and retractions. Reporting, which holds the outcome, checks that the caller may
 * write for its force (and for the corrected force), under the same scope policy.
 */
@Controller('api/v1/outcomes/:outcomeId')
export class OutcomeChangesController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly lines: LineReferences,
  ) {}

  @Post('corrections')
  async correct(
    @Param('outcomeId') outcomeId: string,
    @Body() body: unknown,
    @CurrentCaller('owner-status') caller: Caller,
  ): Promise<OutcomeChangeAccepted> {
    return forward(this.upstream, INTERNAL.reporting.outcomes.correct, {
      ...caller,
      params: { outcomeId },
      ...(await checkOutcomeWrite(caller, body, this.lines)),
    });
  }

  @Post('retraction')
  async retract(
    @Param('outcomeId') outcomeId: string,
    @Body() body: unknown,
    @CurrentCaller('owner-status') caller: Caller,
  ): Promise<OutcomeChangeAccepted> {
    authorize(caller.p, 'outcome.write');
    const reason = validateReason(body);
    if (!reason.ok) throw ProblemError.validation(reason.errors);
    return forward(this.upstream, INTERNAL.reporting.outcomes.retract, {
      ...caller,
      params: { outcomeId },
      body: reason.value,
    });
  }
}
