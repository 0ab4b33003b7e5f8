import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  idempotencyKeyErrors,
  INTERNAL,
  INTERNAL_HEADERS,
  Page,
  Tasking,
  TASKING_TRANSITIONS,
  TaskingTransition,
  validateIssueTaskings,
  validateTaskingListQuery,
  validateTransition,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { CallingActor, CorrelationId } from '@intensify/auth';
import {
  IssueTaskingsCommand,
  IssuedTaskings,
} from './commands/issue-taskings/issue-taskings.command';
import { TransitionTaskingCommand } from './commands/transition-tasking/transition-tasking.command';
import { TaskingsReader } from './taskings.reader';

@Controller(INTERNAL.tasking.taskings.controller)
export class TaskingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly taskings: TaskingsReader,
  ) {}

  /** 201 when issued, 200 when the same key and body are replayed. */
  @Post(INTERNAL.tasking.taskings.issue.path)
  async issue(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IssuedTaskings> {
    const request = validateIssueTaskings(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    const keyErrors = idempotencyKeyErrors(key);
    if (keyErrors.length) throw ProblemError.validation(keyErrors);
    const result = await this.commands.execute(
      new IssueTaskingsCommand(operationId, request.value, key!, actor, correlationId),
    );
    res.status(result.replayed ? 200 : 201);
    return result.body;
  }

  @Post(INTERNAL.tasking.taskings.transition.path)
  async transition(
    @Param('id') id: string,
    @Param('transition') transition: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
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

  @Get(INTERNAL.tasking.taskings.list.path)
  list(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
  ): Promise<Page<Tasking>> {
    const q = validateTaskingListQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    const { limit, ...filter } = q.value;
    return this.taskings.list({ ...filter, limit: limit ? Number(limit) : 50 }, actor);
  }

  @Get(INTERNAL.tasking.taskings.get.path)
  get(@Param('id') id: string, @CallingActor() actor: Actor): Promise<Tasking> {
    return this.taskings.get(id, actor);
  }
}
