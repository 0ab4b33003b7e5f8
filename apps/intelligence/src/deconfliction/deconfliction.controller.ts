import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Actor,
  DECONFLICTION_ACTIONS,
  DeconflictionAction,
  DeconflictionAlert,
  INTERNAL,
  INTERNAL_HEADERS,
  LineHolder,
  validateAlertsQuery,
  validateDeconflictionAction,
  validateHoldersQuery,
} from '@intensify/contracts';
import { CallingActor, CorrelationId, RequestContext } from '@intensify/auth';
import { ProblemError, requireIdempotencyKey } from '@intensify/problems';
import { ActOnAlertCommand } from './commands/act-on-alert/act-on-alert.command';
import { DeconflictionReader } from './deconfliction.reader';

@Controller(INTERNAL.intelligence.deconfliction.controller)
export class DeconflictionController {
  constructor(
    private readonly reader: DeconflictionReader,
    private readonly commands: CommandBus,
  ) {}

  /** acknowledge | resolve | hand-to-region: 200 with the alert, the first time and on a replay. */
  @Post(INTERNAL.intelligence.deconfliction.act.path)
  @HttpCode(200)
  async act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<DeconflictionAlert> {
    if (!DECONFLICTION_ACTIONS.includes(action as DeconflictionAction))
      throw new ProblemError(
        'not_found',
        `No step ${action}: acknowledge, resolve or hand-to-region`,
      );
    const input = validateDeconflictionAction(action as DeconflictionAction, body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    const command = new ActOnAlertCommand(
      id,
      action as DeconflictionAction,
      input.value,
      requireIdempotencyKey(key),
      actor,
      correlationId,
    );
    return (await this.commands.execute(command)).body;
  }

  @Get(INTERNAL.intelligence.deconfliction.alerts.path)
  async alerts(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ items: DeconflictionAlert[] }> {
    const q = validateAlertsQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return {
      items: await this.reader.alerts(q.value, actor, correlationId),
    };
  }

  @Get(INTERNAL.intelligence.deconfliction.holders.path)
  async holders(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ items: LineHolder[] }> {
    const q = validateHoldersQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return {
      items: await this.reader.holders(q.value, actor, correlationId),
    };
  }
}
