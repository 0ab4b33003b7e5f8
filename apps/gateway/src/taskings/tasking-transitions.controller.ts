import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import {
  INTERNAL,
  Tasking,
  TASKING_TRANSITIONS,
  TaskingTransition,
  validateTransition,
} from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { authorize } from '../auth/forbid';
import { bodyAsSent, forward } from '../upstream/forward';
import { UpstreamClient } from '../upstream/upstream.client';

const MANAGED: readonly string[] = ['cancel', 'reassign'];

/**
 * acknowledge | start | complete | decline | cancel | reassign. The tasking service, which holds
 * the tasking, checks its force and issuer against the same scope policy and its state.
 */
@Controller('api/v1/taskings/:id')
export class TaskingTransitionsController {
  constructor(private readonly upstream: UpstreamClient) {}

  @Post(':transition')
  @HttpCode(200)
  async transition(
    @Param('id') id: string,
    @Param('transition') transition: string,
    @Body() body: unknown,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
  ): Promise<Tasking> {
    if (!TASKING_TRANSITIONS.includes(transition as TaskingTransition))
      throw new ProblemError('not_found', `No such transition: ${transition}`);
    authorize(p, MANAGED.includes(transition) ? 'tasking.manage' : 'tasking.respond');
    const input = validateTransition(transition as TaskingTransition, body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    if (transition === 'reassign') authorize(p, 'tasking.issue', { force: input.value.force });
    return forward(this.upstream, INTERNAL.tasking.taskings.transition, {
      p,
      req,
      params: { id, transition },
      body: bodyAsSent(body),
    });
  }
}
