import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Handoff, HandoffAction, INTERNAL, validateHandoffAction } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { PersonLevel } from '../access-log/person-level.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { bodyAsSent, forward } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';
import { checkHandoffId, checkWrite, requireJsonBody } from './handoff-request';
import { oneHandoff } from './handoff-scope';
import { HandoffStreamService } from './handoff-stream.service';

/**
 * acknowledge | redirect | close, each with an `Idempotency-Key` (a replay answers 200 with the
 * hand-off). Only the safeguarding service knows the hand-off's home force and state, so it
 * checks `handoff.act` on the home force under the hand-off's lock; here, the role and the body.
 */
@ApiTags('handoffs')
@Controller('api/v1/handoffs/:id')
export class HandoffActionsController {
  constructor(
    private readonly upstream: UpstreamClient,
    private readonly stream: HandoffStreamService,
  ) {}

  @Post('acknowledge')
  @HttpCode(200)
  @PersonLevel('hand-offs', { disclosed: oneHandoff, write: true })
  acknowledge(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<Handoff> {
    return this.act('acknowledge', { id, body, key, p, req });
  }

  @Post('redirect')
  @HttpCode(200)
  @PersonLevel('hand-offs', { disclosed: oneHandoff, write: true })
  redirect(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<Handoff> {
    return this.act('redirect', { id, body, key, p, req });
  }

  @Post('close')
  @HttpCode(200)
  @PersonLevel('hand-offs', { disclosed: oneHandoff, write: true })
  close(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<Handoff> {
    return this.act('close', { id, body, key, p, req });
  }

  private async act(
    action: HandoffAction,
    c: { id: string; body: unknown; key?: string; p: Principal; req: Request },
  ): Promise<Handoff> {
    authorize(c.p, 'handoff.act');
    requireJsonBody(c.req);
    const { idempotencyKey } = checkWrite(c.key, validateHandoffAction(action, c.body));
    const handoff = await forward(this.upstream, INTERNAL.safeguarding.handoffs.act, {
      p: c.p,
      req: c.req,
      params: { id: checkHandoffId(c.id), action },
      body: bodyAsSent(c.body),
      idempotencyKey,
    });
    this.stream.announce(handoff.operationId);
    return handoff;
  }
}
