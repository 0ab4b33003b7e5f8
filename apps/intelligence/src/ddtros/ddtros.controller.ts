import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  Ddtro,
  DDTRO_DECISIONS,
  DdtroDecision,
  DdtroStats,
  INTERNAL,
  INTERNAL_HEADERS,
  validateApplyDdtros,
  validateDdtroDecision,
  validateDdtroListQuery,
} from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { ApplyDdtrosCommand } from './commands/apply-ddtros/apply-ddtros.command';
import { DecideDdtroCommand } from './commands/decide-ddtro/decide-ddtro.command';
import { DdtrosReader } from './ddtros.reader';

@Controller(INTERNAL.intelligence.ddtros.controller)
export class DdtrosController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: DdtrosReader,
  ) {}

  /** Orders for several numbers of one line at once: 201, or 200 when the key is replayed. */
  @Post(INTERNAL.intelligence.ddtros.apply.path)
  async apply(
    @Param('lineId') lineId: string,
    @Body() body: unknown,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const request = validateApplyDdtros(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    if (!key) throw ProblemError.validation([{ field: 'Idempotency-Key', message: 'is required' }]);
    const result = await this.commands.execute(
      new ApplyDdtrosCommand(lineId, request.value, key, actor, correlationId),
    );
    res.status(result.replayed ? 200 : 201);
    return result.body;
  }

  @Get(INTERNAL.intelligence.ddtros.stats.path)
  stats(@CallingActor() actor: Actor): Promise<DdtroStats> {
    return this.reader.stats(actor);
  }

  @Get(INTERNAL.intelligence.ddtros.list.path)
  async list(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
  ): Promise<{ items: Ddtro[] }> {
    const q = validateDdtroListQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return { items: await this.reader.list(q.value, actor) };
  }

  @Post(INTERNAL.intelligence.ddtros.decide.path)
  @HttpCode(200)
  decide(
    @Param('id') id: string,
    @Param('decision') decision: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
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
