import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  Handoff,
  HANDOFF_ACTIONS,
  HandoffAction,
  idempotencyKeyErrors,
  INTERNAL,
  INTERNAL_HEADERS,
  Page,
  validateHandoffAction,
  validateHandoffListQuery,
  validateRaiseHandoff,
} from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { DEFAULT_PAGE, ProblemError } from '@intensify/problems';
import { ActOnHandoffCommand } from './commands/act-on-handoff/act-on-handoff.command';
import { RaiseHandoffCommand } from './commands/raise-handoff/raise-handoff.command';
import { HandoffsReader } from './handoffs.reader';

const ROUTES = INTERNAL.safeguarding.handoffs;

function requireKey(key: string | undefined): string {
  const errors = idempotencyKeyErrors(key);
  if (errors.length) throw ProblemError.validation(errors);
  return key!;
}

/** The gateway checks the week and the caller's scope first; bodies are checked again here. */
@Controller(ROUTES.controller)
export class HandoffsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly handoffs: HandoffsReader,
  ) {}

  /** 201 when raised, 200 when the same key and body are replayed. */
  @Post(ROUTES.raise.path)
  async raise(
    @Body() body: unknown,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Handoff> {
    const request = validateRaiseHandoff(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    const result = await this.commands.execute(
      new RaiseHandoffCommand(request.value, requireKey(key), actor, correlationId),
    );
    res.status(result.replayed ? 200 : 201);
    return result.body;
  }

  /** 200 with the hand-off, a replay included. */
  @Post(ROUTES.act.path)
  @HttpCode(200)
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Handoff> {
    if (!HANDOFF_ACTIONS.includes(action as HandoffAction))
      throw new ProblemError('not_found', `No action ${action}`);
    const input = validateHandoffAction(action as HandoffAction, body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    return this.commands.execute(
      new ActOnHandoffCommand(
        id,
        action as HandoffAction,
        input.value,
        requireKey(key),
        actor,
        correlationId,
      ),
    );
  }

  @Get(ROUTES.list.path)
  list(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
  ): Promise<Page<Handoff>> {
    const q = validateHandoffListQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return this.handoffs.list({ ...q.value, limit: q.value.limit ?? DEFAULT_PAGE }, actor);
  }

  @Get(ROUTES.get.path)
  get(@Param('id') id: string, @CallingActor() actor: Actor): Promise<Handoff> {
    return this.handoffs.get(id, actor);
  }
}
