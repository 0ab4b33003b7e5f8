import { Body, Controller, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import {
  checkSchema,
  INTERNAL,
  OutcomeChangeAccepted,
  REASON_SCHEMA,
  ReasonBody,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { forward } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';
import { checkOutcomeWrite } from './check-outcome-write';

/**
 * Corrections and retractions. Reporting, which holds the outcome, checks that the caller may
 * write for its force (and for the corrected force), under the same scope policy.
 */
@Controller('api/v1/outcomes/:outcomeId')
export class OutcomeChangesController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Post('corrections')
  async correct(
    @Param('outcomeId') outcomeId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeChangeAccepted> {
    return forward(this.upstream, INTERNAL.reporting.outcomes.correct, {
      p,
      req,
      res,
      params: { outcomeId },
      ...checkOutcomeWrite(p, body, rawKey),
    });
  }

  @Post('retraction')
  async retract(
    @Param('outcomeId') outcomeId: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeChangeAccepted> {
    authorize(p, 'outcome.write');
    const errors = checkSchema(REASON_SCHEMA, body);
    if (errors.length) throw ProblemError.validation(errors);
    return forward(this.upstream, INTERNAL.reporting.outcomes.retract, {
      p,
      req,
      res,
      params: { outcomeId },
      body: body as ReasonBody,
    });
  }
}
