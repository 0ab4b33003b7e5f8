import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  Actor,
  FocusLines,
  FocusNetwork,
  INTERNAL,
  LineRanking,
  validateFocusLines,
  validateRankingQuery,
} from '@intensify/contracts';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { Clock, CLOCK } from '../clock';
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

  @Get(INTERNAL.intelligence.ranking.getFocusLines.path)
  get(@Param('operationId') operationId: string): Promise<FocusLines> {
    return this.reader.focusLines(operationId);
  }

  @Get(INTERNAL.intelligence.ranking.focusNetwork.path)
  network(@Param('operationId') operationId: string): Promise<FocusNetwork> {
    return this.reader.focusNetwork(operationId);
  }
}
