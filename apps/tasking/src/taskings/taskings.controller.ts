import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  INTERNAL,
  INTERNAL_HEADERS,
  IssueTaskingsRequest,
  Page,
  Tasking,
  TASKING_TRANSITIONS,
  TaskingListQuery,
  TaskingTransition,
  validateIssueTaskings,
  validateTaskingListQuery,
  validateTransition,
} from '@intensify/contracts';
import { answerOnce, checkedBy, ProblemError, requireIdempotencyKey } from '@intensify/problems';
import { CallingActor, RequestContext } from '@intensify/auth';
import {
  IssueTaskingsCommand,
  IssuedTaskings,
} from './commands/issue-taskings/issue-taskings.command';
import { TransitionTaskingCommand } from './commands/transition-tasking/transition-tasking.command';
import { TaskingsReader } from './taskings.reader';

const ROUTES = INTERNAL.tasking.taskings;

@Controller(ROUTES.controller)
export class TaskingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly taskings: TaskingsReader,
  ) {}

  /** 201 when issued, 200 when the same key and body are replayed. */
  @Post(ROUTES.issue.path)
  async issue(
    @Param('operationId') operationId: string,
    @Body(checkedBy(validateIssueTaskings)) request: IssueTaskingsRequest,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssuedTaskings> {
    const command = new IssueTaskingsCommand(
      operationId,
      request,
      requireIdempotencyKey(key),
      actor,
      correlationId,
    );
    return answerOnce(res, await this.commands.execute(command), 201);
  }

  @Post(ROUTES.transition.path)
  async transition(
    @Param('id') id: string,
    @Param('transition') transition: string,
    @Body() body: unknown,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Tasking> {
    if (!TASKING_TRANSITIONS.includes(transition as TaskingTransition))
      throw new ProblemError('not_found', `No transition ${transition}`);
    const input = validateTransition(transition as TaskingTransition, body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    res.status(200);
    return this.commands.execute(
      new TransitionTaskingCommand(
        id,
        transition as TaskingTransition,
        input.value,
        actor,
        correlationId,
      ),
    );
  }

  @Get(ROUTES.list.path)
  list(
    @Query(checkedBy(validateTaskingListQuery)) { limit, ...filter }: TaskingListQuery,
    @CallingActor() actor: Actor,
  ): Promise<Page<Tasking>> {
    return this.taskings.list({ ...filter, limit: limit ? Number(limit) : 50 }, actor);
  }

  @Get(ROUTES.get.path)
  get(@Param('id') id: string, @CallingActor() actor: Actor): Promise<Tasking> {
    return this.taskings.get(id, actor);
  }
}
