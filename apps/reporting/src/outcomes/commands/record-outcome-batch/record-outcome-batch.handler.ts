import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isUuid, OutcomeBatchResults } from '@intensify/contracts';
import { loggableError, ProblemError, requireIdempotencyKey } from '@intensify/problems';
import { operationNotFound } from '../../../operations/open-operation';
import { OutcomeWriteBatcher } from '../record-outcome/outcome-write-batcher';
import { RecordOutcomeBatchCommand } from './record-outcome-batch.command';

type Result = OutcomeBatchResults['results'][number];

/**
 * Each item goes through the same group commit as a single request, so an item's answer means
 * what a single request's would: committed (202), a replay (200), or its problem; one item's
 * problem never affects another's.
 */
@CommandHandler(RecordOutcomeBatchCommand)
export class RecordOutcomeBatchHandler implements ICommandHandler<RecordOutcomeBatchCommand> {
  private readonly logger = new Logger(RecordOutcomeBatchHandler.name);

  constructor(private readonly batcher: OutcomeWriteBatcher) {}

  async execute({ items, actor }: RecordOutcomeBatchCommand): Promise<OutcomeBatchResults> {
    const results = await Promise.all(
      items.map(async (item): Promise<Result> => {
        try {
          if (!isUuid(item.operationId)) throw operationNotFound(item.operationId);
          const { id, replayed } = await this.batcher.submit(item.operationId, {
            key: requireIdempotencyKey(item.idempotencyKey),
            outcome: item.outcome,
            actor,
            correlationId: item.correlationId,
          });
          return { status: replayed ? 200 : 202, id };
        } catch (e) {
          const problem = this.problemOf(e);
          return { status: problem.status, problem };
        }
      }),
    );
    return { results };
  }

  private problemOf(e: unknown) {
    if (e instanceof ProblemError) return e.toProblem();
    this.logger.error(loggableError(e));
    return new ProblemError('internal_error', 'An unexpected error occurred').toProblem();
  }
}
