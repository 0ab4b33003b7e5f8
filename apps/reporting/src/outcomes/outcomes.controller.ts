import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  ImportResult,
  INTERNAL,
  INTERNAL_HEADERS,
  OutcomeAccepted,
  OutcomeBatch,
  OutcomeBatchResults,
  OutcomeChangeAccepted,
  Outcome,
  OutcomeItem,
  Page,
  ReasonBody,
  validateOutcomeBatch,
  validateReason,
} from '@intensify/contracts';
import { CallingActor, RequestContext } from '@intensify/auth';
import { answerOnce, checkedBy, pageLimit, requireIdempotencyKey } from '@intensify/problems';
import { CorrectOutcomeCommand } from './commands/correct-outcome/correct-outcome.command';
import {
  ImportOutcomesCommand,
  ImportRow,
} from './commands/import-outcomes/import-outcomes.command';
import { RecordOutcomeBatchCommand } from './commands/record-outcome-batch/record-outcome-batch.command';
import { RecordOutcomeCommand } from './commands/record-outcome/record-outcome.command';
import { RetractOutcomeCommand } from './commands/retract-outcome/retract-outcome.command';
import { OutcomesReader } from './outcomes.reader';

const ROUTES = INTERNAL.reporting.outcomes;

/**
 * Outcome bodies arrive checked against the public contract and normalized by the gateway (the
 * one tier that validates them); reporting judges what needs its data: the week and its state.
 */
@Controller(ROUTES.controller)
export class OutcomesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly outcomes: OutcomesReader,
  ) {}

  @Get(ROUTES.list.path)
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

  /** 202 when first accepted, 200 when the same key and body are replayed. */
  @Post(ROUTES.record.path)
  async record(
    @Param('operationId') operationId: string,
    @Body() outcome: Outcome,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeAccepted> {
    const { replayed, id } = await this.commands.execute(
      new RecordOutcomeCommand(
        operationId,
        outcome,
        requireIdempotencyKey(key),
        actor,
        correlationId,
      ),
    );
    return answerOnce(res, { replayed, body: { id, status: 'accepted' } }, 202);
  }

  /** The gateway's way: new outcomes of one actor at once, each answered as if alone. */
  @Post(ROUTES.recordBatch.path)
  @HttpCode(200)
  recordBatch(
    @Body(checkedBy(validateOutcomeBatch)) { items }: OutcomeBatch,
    @CallingActor() actor: Actor,
  ): Promise<OutcomeBatchResults> {
    return this.commands.execute(new RecordOutcomeBatchCommand(items, actor));
  }

  @Post(ROUTES.import.path)
  async import(
    @Param('operationId') operationId: string,
    @Body() body: { rows: ImportRow[] },
    @RequestContext() { actor, correlationId }: RequestContext,
  ): Promise<ImportResult> {
    return this.commands.execute(
      new ImportOutcomesCommand(operationId, body.rows, actor, correlationId),
    );
  }

  @Post(ROUTES.correct.path)
  async correct(
    @Param('outcomeId') outcomeId: string,
    @Body() outcome: Outcome,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeChangeAccepted> {
    const { replayed, ...body } = await this.commands.execute(
      new CorrectOutcomeCommand(
        outcomeId,
        outcome,
        requireIdempotencyKey(key),
        actor,
        correlationId,
      ),
    );
    return answerOnce(res, { replayed, body }, 202);
  }

  @Post(ROUTES.retract.path)
  async retract(
    @Param('outcomeId') outcomeId: string,
    @Body(checkedBy(validateReason)) { reason }: ReasonBody,
    @RequestContext() { actor, correlationId }: RequestContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeChangeAccepted> {
    const { replayed, ...body } = await this.commands.execute(
      new RetractOutcomeCommand(outcomeId, reason.trim(), actor, correlationId),
    );
    return answerOnce(res, { replayed, body }, 202);
  }
}
