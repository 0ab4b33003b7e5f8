import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  checkSchema,
  idempotencyKeyErrors,
  ImportResult,
  INTERNAL,
  INTERNAL_HEADERS,
  OutcomeAccepted,
  OutcomeChangeAccepted,
  Outcome,
  OutcomeItem,
  Page,
  REASON_SCHEMA,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { CallingActor, CorrelationId } from '@intensify/auth';
import { pageLimit } from '@intensify/problems';
import { CorrectOutcomeCommand } from './commands/correct-outcome/correct-outcome.command';
import {
  ImportOutcomesCommand,
  ImportRow,
} from './commands/import-outcomes/import-outcomes.command';
import { RecordOutcomeCommand } from './commands/record-outcome/record-outcome.command';
import { RetractOutcomeCommand } from './commands/retract-outcome/retract-outcome.command';
import { OutcomesReader } from './outcomes.reader';

/**
 * Outcome bodies arrive checked against the public contract and normalized by the gateway (the
 * one tier that validates them); reporting judges what needs its data: the week and its state.
 */
@Controller(INTERNAL.reporting.outcomes.controller)
export class OutcomesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly outcomes: OutcomesReader,
  ) {}

  /** 202 when first accepted, 200 when the same key and body are replayed. */
  @Post(INTERNAL.reporting.outcomes.record.path)
  async record(
    @Param('operationId') operationId: string,
    @Body() outcome: Outcome,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeAccepted> {
    const result = await this.commands.execute(
      new RecordOutcomeCommand(operationId, outcome, requireKey(key), actor, correlationId),
    );
    res.status(result.replayed ? 200 : 202);
    return { id: result.id, status: 'accepted' };
  }

  @Post(INTERNAL.reporting.outcomes.import.path)
  async import(
    @Param('operationId') operationId: string,
    @Body() body: { rows: ImportRow[] },
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ImportResult> {
    return this.commands.execute(
      new ImportOutcomesCommand(operationId, body.rows, actor, correlationId),
    );
  }

  @Get(INTERNAL.reporting.outcomes.list.path)
  list(
    @Param('operationId') operationId: string,
    @CallingActor() actor: Actor,
    @Query('force') force?: string,
    @Query('type') type?: string,
    @Query('status') status?: 'live' | 'retracted',
    @Query('cursor') cursor?: string,
    @Query('limit') limit?: string,
  ): Promise<Page<OutcomeItem>> {
    return this.outcomes.list(
      operationId,
      { force, type, status, cursor: cursor || undefined, limit: pageLimit(limit) },
      actor,
    );
  }

  @Post(INTERNAL.reporting.outcomes.correct.path)
  async correct(
    @Param('outcomeId') outcomeId: string,
    @Body() outcome: Outcome,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeChangeAccepted> {
    const { replayed, ...answer } = await this.commands.execute(
      new CorrectOutcomeCommand(outcomeId, outcome, requireKey(key), actor, correlationId),
    );
    res.status(replayed ? 200 : 202);
    return answer;
  }

  @Post(INTERNAL.reporting.outcomes.retract.path)
  async retract(
    @Param('outcomeId') outcomeId: string,
    @Body() body: unknown,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeChangeAccepted> {
    const errors = checkSchema(REASON_SCHEMA, body);
    if (errors.length) throw ProblemError.validation(errors);
    const { reason } = body as { reason: string };
    const { replayed, ...answer } = await this.commands.execute(
      new RetractOutcomeCommand(outcomeId, reason.trim(), actor, correlationId),
    );
    res.status(replayed ? 200 : 202);
    return answer;
  }
}

function requireKey(key: string | undefined): string {
  const errors = idempotencyKeyErrors(key);
  if (errors.length) throw ProblemError.validation(errors);
  return key!;
}
