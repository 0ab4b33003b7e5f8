import { Body, Controller, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { OutcomeAccepted, validateOutcomeBody } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { correlationIdOf } from '../upstream/correlation';
import { UpstreamClient } from '../upstream/upstream.client';
import { requireIdempotencyKey } from './idempotency-key';

@Controller('api/v1/operations/:operationId/outcomes')
export class OutcomesController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** 202 when first accepted (committed in PostgreSQL), 200 when the same key and body are replayed. */
  @Post()
  async record(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeAccepted> {
    authorize(p, 'outcome.write');
    const key = requireIdempotencyKey(rawKey);
    const outcome = validateOutcomeBody(body);
    if (!outcome.ok) throw ProblemError.validation(outcome.errors);
    authorize(p, 'outcome.write', { force: outcome.value.force });
    const answer = await this.upstream.call<OutcomeAccepted>(
      'reporting',
      'POST',
      `/internal/operations/${encodeURIComponent(operationId)}/outcomes`,
      {
        body: outcome.value,
        actor: p,
        correlationId: correlationIdOf(req),
        headers: { 'idempotency-key': key },
      },
    );
    res.status(answer.status);
    return answer.body;
  }
}
