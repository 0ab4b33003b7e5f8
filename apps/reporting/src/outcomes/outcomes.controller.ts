import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import {
  Actor,
  INTERNAL_HEADERS,
  OutcomeAccepted,
  validateOutcomeBody,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { CallingActor, CorrelationId } from '../http/actor.decorator';
import { RecordOutcomeCommand } from './commands/record-outcome/record-outcome.command';

@Controller('internal/operations/:operationId/outcomes')
export class OutcomesController {
  constructor(private readonly commands: CommandBus) {}

  /** 202 when first accepted, 200 when the same key and body are replayed. */
  @Post()
  async record(
    @Param('operationId') operationId: string,
    @Body() body: unknown,
    @Headers(INTERNAL_HEADERS.idempotencyKey) key: string | undefined,
    @CallingActor() actor: Actor,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OutcomeAccepted> {
    if (!key) throw ProblemError.validation([{ field: 'Idempotency-Key', message: 'is required' }]);
    const outcome = validateOutcomeBody(body);
    if (!outcome.ok) throw ProblemError.validation(outcome.errors);
    const result = await this.commands.execute(
      new RecordOutcomeCommand(operationId, outcome.value, key, actor, correlationId),
    );
    res.status(result.replayed ? 200 : 202);
    return { id: result.id, status: 'accepted' };
  }
}
