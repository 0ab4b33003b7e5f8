import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPERATION_REOPENED_V2, Operation, OperationReopenedV2 } from '@intensify/contracts';
import { recordChanges, TOPICS, TopicNames, writeInTransaction } from '@intensify/messaging';
import { SCHEMA } from '../../../config';
import { lockOperation } from '../../open-operation';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { ReopenOperationCommand } from './reopen-operation.command';

/** Reopens a closed week for late corrections; its figures are provisional again. Audited with the reason. */
@CommandHandler(ReopenOperationCommand)
export class ReopenOperationHandler implements ICommandHandler<ReopenOperationCommand, Operation> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  async execute({
    operationId,
    reason,
    actor,
    correlationId,
  }: ReopenOperationCommand): Promise<Operation> {
    const scope = { schema: SCHEMA, topic: this.topics.operations, actor, correlationId };
    return writeInTransaction(this.db, scope, async (ctx) => {
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
