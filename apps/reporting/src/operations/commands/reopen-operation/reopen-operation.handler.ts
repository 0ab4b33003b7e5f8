import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OPERATION_REOPENED, Operation, OperationReopenedV1 } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { audit } from '../../../audit/audit-log';
import { SCHEMA } from '../../../config';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
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
    return this.db.transaction(async (m) => {
      const op = await lockOperation(m, operationId, 'pessimistic_write');
      if (!op.closedAt) return toOperation(op);
      op.closedAt = null;
      op.reopenReason = reason;
      await m.update(OperationEntity, { id: op.id }, { closedAt: null, reopenReason: reason });
      const event = newEvent<OperationReopenedV1>({
        ...OPERATION_REOPENED,
        aggregateId: op.id,
        occurredAt: new Date().toISOString(),
        actor,
        correlationId,
        payload: { operationId: op.id, reason },
      });
      await appendToOutbox(m, SCHEMA, [{ topic: this.topics.operations, event }]);
      await audit(m, [
        {
          actor,
          action: 'operation.reopened',
          operationId: op.id,
          subjectId: op.id,
          correlationId,
          details: { reason },
        },
      ]);
      return toOperation(op);
    });
  }
}
