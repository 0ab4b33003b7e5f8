import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  ApplyDdtrosRequest,
  Ddtro,
  DDTRO_DECISIONS,
  DdtroDecision,
  DdtroListQuery,
  DdtroStats,
  INTERNAL,
  INTERNAL_HEADERS,
  ReplacementAlertItem,
  ReplacementAlertsQuery,
  ReplacementApplicationsRequest,
  validateApplyDdtros,
  validateDdtroDecision,
  validateDdtroListQuery,
  validateReplacementAlertsQuery,
  validateReplacementApplications,
} from '@intensify/contracts';
import { CallingActor, RequestContext } from '@intensify/auth';
import { answerOnce, checkedBy, ProblemError, requireIdempotencyKey } from '@intensify/problems';
import { ApplyDdtrosCommand } from './commands/apply-ddtros/apply-ddtros.command';
import { ApplyReplacementsCommand } from './commands/apply-replacements/apply-replacements.command';
import { DecideDdtroCommand } from './commands/decide-ddtro/decide-ddtro.command';
import { DdtrosReader } from './ddtros.reader';

const ROUTES = INTERNAL.intelligence.ddtros;

@Controller(ROUTES.controller)
export class DdtrosController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DdtrosReader,
  ) {}

  @Get(ROUTES.stats.path)
  stats(@CallingActor() actor: Actor): Promise<DdtroStats> {
    return this.reader.stats(actor);
  }

  @Get(ROUTES.replacementAlerts.path)
  async replacementAlerts(
    @Query(checkedBy(validateReplacementAlertsQuery)) query: ReplacementAlertsQuery,
    @CallingActor() actor: Actor,
  ): Promise<{ items: ReplacementAlertItem[] }> {
    return { items: await this.reader.replacementAlerts(query, actor) };
  }

  /** Orders on the new numbers of several replacement alerts: 201, or 200 on a replay. */
  @Post(ROUTES.applyReplacements.path)
  async applyReplacements(
    @Body(checkedBy(validateReplacementApplications)) request: ReplacementApplicationsRequest,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = new ApplyReplacementsCommand(
      request,
      requireIdempotencyKey(key),
      actor,
      correlationId,
    );
    return answerOnce(res, await this.commands.execute(command), 201);
  }

  /** Orders for several numbers of one line at once: 201, or 200 when the key is replayed. */
  @Post(ROUTES.apply.path)
  async apply(
    @Param('lineId') lineId: string,
    @Body(checkedBy(validateApplyDdtros)) request: ApplyDdtrosRequest,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ) {
    const command = new ApplyDdtrosCommand(
      lineId,
      request,
      requireIdempotencyKey(key),
      actor,
      correlationId,
    );
    return answerOnce(res, await this.commands.execute(command), 201);
  }

  @Get(ROUTES.list.path)
  async list(
    @Query(checkedBy(validateDdtroListQuery)) query: DdtroListQuery,
    @CallingActor() actor: Actor,
  ): Promise<{ items: Ddtro[] }> {
    return { items: await this.reader.list(query, actor) };
  }

  @Post(ROUTES.decide.path)
  @HttpCode(200)
  decide(
    @Param('id') id: string,
    @Param('decision') decision: string,
    @Body() body: unknown,
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<Ddtro> {
    if (!DDTRO_DECISIONS.includes(decision as DdtroDecision))
      throw new ProblemError('not_found', `No decision ${decision}: grant, actioned or refuse`);
    const input = validateDdtroDecision(decision as DdtroDecision, body);
    if (!input.ok) throw ProblemError.validation(input.errors);
    return this.commands.execute(
      new DecideDdtroCommand(id, decision as DdtroDecision, input.value, actor, correlationId),
    );
  }
}
