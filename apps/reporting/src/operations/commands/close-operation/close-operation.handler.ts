import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPERATION_CLOSED, Operation, OperationClosedV1 } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { audit } from '../../../audit/audit-log';
import { SCHEMA } from '../../../config';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
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
    return this.db.transaction(async (m) => {
      const op = await lockOperation(m, operationId, 'pessimistic_write');
      if (op.closedAt) return toOperation(op);
      op.closedAt = new Date();
      await m.update(OperationEntity, { id: op.id }, { closedAt: op.closedAt });
      const event = newEvent<OperationClosedV1>({
        ...OPERATION_CLOSED,
        aggregateId: op.id,
        occurredAt: op.closedAt.toISOString(),
        actor,
        correlationId,
        payload: { operationId: op.id, closedAt: op.closedAt.toISOString() },
      });
      await appendToOutbox(m, SCHEMA, [{ topic: this.topics.operations, event }]);
      await audit(m, [
        { actor, action: 'operation.closed', operationId: op.id, subjectId: op.id, correlationId },
      ]);
      return toOperation(op);
    });
  }
}
