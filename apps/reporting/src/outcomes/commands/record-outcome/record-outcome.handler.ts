import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '@intensify/contracts';
import { operationNotFound } from '../../../operations/open-operation';
import { OutcomeWriteBatcher } from './outcome-write-batcher';
import { RecordOutcomeCommand, RecordOutcomeResult } from './record-outcome.command';

/**
 * Stores a new outcome, its first version, its idempotency key, its event and its audit record
 * in one transaction (shared with outcomes arriving at the same moment): once the answer is
 * given, the outcome is durable and will reach every projection.
 */
@CommandHandler(RecordOutcomeCommand)
export class RecordOutcomeHandler implements ICommandHandler<RecordOutcomeCommand> {
  constructor(private readonly batcher: OutcomeWriteBatcher) {}

  async execute(cmd: RecordOutcomeCommand): Promise<RecordOutcomeResult> {
    if (!isUuid(cmd.operationId)) throw operationNotFound(cmd.operationId);
    return this.batcher.submit(cmd.operationId, {
      key: cmd.idempotencyKey,
      outcome: cmd.outcome,
      actor: cmd.actor,
      correlationId: cmd.correlationId,
    });
  }
}
