import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { OPERATION_CLOSED, Operation, OperationClosedV1 } from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { lockOperation } from '../../open-operation';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { CloseOperationCommand } from './close-operation.command';

/**
 * Makes a week's figures final. The row lock waits for writes in flight (they share-lock it),
 * so nothing commits after the close. Closing a closed week changes nothing.
 */
@CommandHandler(CloseOperationCommand)
export class CloseOperationHandler implements ICommandHandler<CloseOperationCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({ operationId, actor, correlationId }: CloseOperationCommand): Promise<Operation> {
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const op = await lockOperation(ctx.m, operationId, 'pessimistic_write');
      if (op.closedAt) return toOperation(op);
      op.closedAt = ctx.now;
      await ctx.m.update(OperationEntity, { id: op.id }, { closedAt: op.closedAt });
      const payload: OperationClosedV1 = { operationId: op.id, closedAt: ctx.now.toISOString() };
      await recordChanges(ctx, [
        { kind: OPERATION_CLOSED, aggregateId: op.id, payload, audit: { operationId: op.id } },
      ]);
      return toOperation(op);
    });
  }
}
