import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  INTERNAL,
  Tasking,
  TASKING_TRANSITIONS,
  TaskingTransition,
  validateTransition,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { authorize } from '../auth/forbid';
import { bodyAsSent, Caller, forward } from '../upstream/forward';
import { CurrentCaller } from '../upstream/current-caller.decorator';
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
    @CurrentCaller() caller: Caller,
  ): Promise<Tasking> {
    const { p } = caller;
    if (!TASKING_TRANSITIONS.includes(transition as TaskingTransition))
      throw new ProblemError('not_found', `No such transition: ${transition}`);
    authorize(p, MANAGED.includes(transition) ? 'tasking.manage' : 'tasking.respond');
    const input = validateTransition(transition as TaskingTransition, body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    if (transition === 'reassign') authorize(p, 'tasking.issue', { force: input.value.force });
    return forward(this.upstream, INTERNAL.tasking.taskings.transition, {
      ...caller,
      params: { id, transition },
      body: bodyAsSent(body),
    });
  }
}
