import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { DECONFLICTION_ACTIONS, DeconflictionAction, INTERNAL } from '@intensify/contracts';
import { oneAlert } from '../access-log/disclosed';
import { PersonLevel } from '../access-log/person-level.decorator';
import { authorize } from '../auth/forbid';
import { CurrentCaller } from '../upstream/current-caller.decorator';
import { bodyAsSent, Caller, forward } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';

/**
 * acknowledge | resolve `{note}` | hand-to-region `{region}`, each with an `Idempotency-Key`.
 * Only intelligence knows the alert's state and the region it is handed to, so it checks the
 * scope under the alert's lock and validates the body; here, whether the role may try at all.
 */
@ApiTags('intelligence')
@Controller('api/v1/deconfliction/alerts/:id')
export class DeconflictionActionsController {
  constructor(private readonly upstream: UpstreamClient) {}

  /** One handler for the three routes: the step is the route's last segment. */
  @Post([...DECONFLICTION_ACTIONS])
  @HttpCode(200)
  @PersonLevel('deconfliction alerts', { disclosed: oneAlert, write: true })
  act(@Param('id') id: string, @Body() body: unknown, @CurrentCaller() caller: Caller) {
    const action = stepOf(caller.req);
    authorize(caller.p, action === 'hand-to-region' ? 'deconfliction.hand' : 'deconfliction.act');
    return forward(this.upstream, INTERNAL.intelligence.deconfliction.act, {
      ...caller,
      params: { id, action },
      body: bodyAsSent(body),
      idempotencyKey: caller.req.header('idempotency-key'),
    });
  }
}

function stepOf(req: Request): DeconflictionAction {
  return (req.route as { path: string }).path.split('/').pop() as DeconflictionAction;
}
