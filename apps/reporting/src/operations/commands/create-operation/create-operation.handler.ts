import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { OPERATION_CREATED, Operation, OperationCreatedV1 } from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { CreateOperationCommand } from './create-operation.command';

@CommandHandler(CreateOperationCommand)
export class CreateOperationHandler implements ICommandHandler<CreateOperationCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({ input, actor, correlationId }: CreateOperationCommand): Promise<Operation> {
    const id = randomUUID();
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
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
