import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OPERATION_CREATED, Operation, OperationCreatedV1 } from '@intensify/contracts';
import { appendToOutbox, newEvent } from '@intensify/messaging';
import { Inject } from '@nestjs/common';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { CreateOperationCommand } from './create-operation.command';
import { TOPICS, TopicNames } from '../../../outbox/topics.provider';
import { SCHEMA } from '../../../config';
import { audit } from '../../../audit/audit-log';

@CommandHandler(CreateOperationCommand)
export class CreateOperationHandler implements ICommandHandler<CreateOperationCommand, Operation> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  async execute({ input, actor, correlationId }: CreateOperationCommand): Promise<Operation> {
    const id = randomUUID();
    return this.db.transaction(async (manager) => {
      const entity = manager.create(OperationEntity, {
        id,
        name: input.name,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        focusForces: input.focusForces,
        closedAt: null,
        createdBy: actor,
      });
      await manager.insert(OperationEntity, entity);
      const event = newEvent<OperationCreatedV1>({
        ...OPERATION_CREATED,
        aggregateId: id,
        occurredAt: new Date().toISOString(),
        actor,
        correlationId,
        payload: { operationId: id, ...input },
      });
      await appendToOutbox(manager, SCHEMA, [{ topic: this.topics.operations, event }]);
      await audit(manager, [
        {
          actor,
          action: 'operation.created',
          operationId: id,
          subjectId: id,
          correlationId,
          details: { ...input },
        },
      ]);
      return toOperation(entity);
    });
  }
}
