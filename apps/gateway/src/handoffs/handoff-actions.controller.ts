import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import {
  Handoff,
  HANDOFF_ACTIONS,
  HandoffAction,
  INTERNAL,
  validateHandoffAction,
} from '@intensify/contracts';
import { PersonLevel } from '../access-log/person-level.decorator';
import { authorize } from '../auth/forbid';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { bodyAsSent, Caller, forward } from '../upstream/forward';
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

  /** One handler for the three routes: the action is the route's last segment. */
  @Post([...HANDOFF_ACTIONS])
  @HttpCode(200)
  @PersonLevel('hand-offs', { disclosed: oneHandoff, write: true })
  async act(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<Handoff> {
    const action = actionOf(caller.req);
    authorize(caller.p, 'handoff.act');
    requireJsonBody(caller.req);
    const { idempotencyKey } = checkWrite(key, validateHandoffAction(action, body));
    const handoff = await forward(this.upstream, INTERNAL.safeguarding.handoffs.act, {
      ...caller,
      params: { id: checkHandoffId(id), action },
      body: bodyAsSent(body),
      idempotencyKey,
    });
    this.stream.announce(handoff.operationId);
    return handoff;
  }
}

/** The action of the route that matched: only the three actions' routes exist. */
function actionOf(req: Request): HandoffAction {
  return (req.route as { path: string }).path.split('/').pop() as HandoffAction;
}
