import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPERATION_CLOSED, Operation, OperationClosedV1 } from '@intensify/contracts';
import { recordChanges, TOPICS, TopicNames, writeInTransaction } from '@intensify/messaging';
import { SCHEMA } from '../../../config';
import { lockOperation } from '../../open-operation';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { CloseOperationCommand } from './close-operation.command';

/**
 * Makes a week's figures final. The row lock waits for writes in flight (they share-lock it),
 * so nothing commits after the close. Closing a closed week changes nothing.
 */
@CommandHandler(CloseOperationCommand)
export class CloseOperationHandler implements ICommandHandler<CloseOperationCommand, Operation> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  async execute({ operationId, actor, correlationId }: CloseOperationCommand): Promise<Operation> {
    const scope = { schema: SCHEMA, topic: this.topics.operations, actor, correlationId };
    return writeInTransaction(this.db, scope, async (ctx) => {
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
