import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Actor,
  FocusLines,
  FocusNetwork,
  INTERNAL,
  LineRanking,
  validateFocusForceOverride,
  validateFocusLines,
  validateRankingQuery,
} from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { FORCE_CODES } from '@intensify/reference-data';
import { Clock, CLOCK } from '../clock';
import { OverrideFocusForceCommand } from './commands/override-focus-force/override-focus-force.command';
import { SetFocusLinesCommand } from './commands/set-focus-lines/set-focus-lines.command';
import { RankingReader } from './ranking.reader';

@Controller(INTERNAL.intelligence.ranking.controller)
export class RankingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: RankingReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(INTERNAL.intelligence.ranking.rank.path)
  rank(
    @Query() query: Record<string, unknown>,
    @CallingActor() actor: Actor,
  ): Promise<LineRanking> {
    const q = validateRankingQuery(query);
    if (!q.ok) throw ProblemError.validation(q.errors);
    return this.reader.rank(q.value, actor, this.clock.now());
  }

  @Put(INTERNAL.intelligence.ranking.setFocusLines.path)
  set(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<FocusLines> {
    const request = validateFocusLines(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    return this.commands.execute(
      new SetFocusLinesCommand(operationId, request.value.lineIds, actor, correlationId),
    );
  }

  @Put(INTERNAL.intelligence.ranking.overrideFocusForce.path)
  override(
    @Param('operationId') operationId: string,
    @Param('force') force: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<FocusLines> {
    const request = validateFocusForceOverride(body);
    if (!request.ok) throw ProblemError.validation(request.errors);
    if (!FORCE_CODES.includes(force))
      throw ProblemError.validation([{ field: 'force', message: 'is not a force code' }]);
    return this.commands.execute(
      new OverrideFocusForceCommand(operationId, force, request.value, actor, correlationId),
    );
  }

  @Get(INTERNAL.intelligence.ranking.getFocusLines.path)
  get(@Param('operationId') operationId: string): Promise<FocusLines> {
    return this.reader.focusLines(operationId);
  }

  @Get(INTERNAL.intelligence.ranking.focusNetwork.path)
  network(@Param('operationId') operationId: string): Promise<FocusNetwork> {
    return this.reader.focusNetwork(operationId);
  }
}
