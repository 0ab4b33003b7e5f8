import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OPERATION_CREATED, Operation, OperationCreatedV1 } from '@intensify/contracts';
import { recordChanges, TOPICS, TopicNames, writeInTransaction } from '@intensify/messaging';
import { SCHEMA } from '../../../config';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { CreateOperationCommand } from './create-operation.command';

@CommandHandler(CreateOperationCommand)
export class CreateOperationHandler implements ICommandHandler<CreateOperationCommand, Operation> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TOPICS) private readonly topics: TopicNames,
  ) {}

  async execute({ input, actor, correlationId }: CreateOperationCommand): Promise<Operation> {
    const id = randomUUID();
    const scope = { schema: SCHEMA, topic: this.topics.operations, actor, correlationId };
    return writeInTransaction(this.db, scope, async (ctx) => {
      const entity = ctx.m.create(OperationEntity, {
        id,
        name: input.name,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        focusForces: input.focusForces,
        closedAt: null,
        createdBy: actor,
      });
      await ctx.m.insert(OperationEntity, entity);
      const payload: OperationCreatedV1 = { operationId: id, ...input };
      await recordChanges(ctx, [
        {
          kind: OPERATION_CREATED,
          aggregateId: id,
          payload,
          audit: { operationId: id, details: { ...input } },
        },
      ]);
      return toOperation(entity);
    });
  }
}
