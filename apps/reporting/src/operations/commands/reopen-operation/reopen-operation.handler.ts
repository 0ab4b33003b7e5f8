import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OPERATION_REOPENED_V2, Operation, OperationReopenedV2 } from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { lockOperation } from '../../open-operation';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { ReopenOperationCommand } from './reopen-operation.command';

/** Reopens a closed week for late corrections; its figures are provisional again. Audited with the reason. */
@CommandHandler(ReopenOperationCommand)
export class ReopenOperationHandler implements ICommandHandler<ReopenOperationCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    operationId,
    reason,
    actor,
    correlationId,
  }: ReopenOperationCommand): Promise<Operation> {
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const op = await lockOperation(ctx.m, operationId, 'pessimistic_write');
      if (!op.closedAt) return toOperation(op);
      op.closedAt = null;
      op.reopenReason = reason;
      await ctx.m.update(OperationEntity, { id: op.id }, { closedAt: null, reopenReason: reason });
      const payload: OperationReopenedV2 = { operationId: op.id };
      await recordChanges(ctx, [
        {
          kind: OPERATION_REOPENED_V2,
          aggregateId: op.id,
          payload,
          audit: { operationId: op.id, details: { reason } },
        },
      ]);
      return toOperation(op);
    });
  }
}
