import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  OPERATION_UPDATED,
  Operation,
  OperationUpdatedV1,
  checkWeekDates,
  operationStatus,
} from '@intensify/contracts';
import { ChangeWriter, recordChanges } from '@intensify/messaging';
import { ProblemError } from '@intensify/problems';
import { lockOperation } from '../../open-operation';
import { OperationEntity } from '../../operation.entity';
import { toOperation } from '../../operation.mapper';
import { UpdateOperationCommand } from './update-operation.command';

/**
 * Renames or moves a week while it is still planned: once it has started, results are dated
 * against its dates, and once closed its figures are final, so both refuse with 409. The same
 * edit again changes nothing and publishes nothing.
 */
@CommandHandler(UpdateOperationCommand)
export class UpdateOperationHandler implements ICommandHandler<UpdateOperationCommand> {
  constructor(private readonly writer: ChangeWriter) {}

  async execute({
    operationId,
    input,
    actor,
    correlationId,
  }: UpdateOperationCommand): Promise<Operation> {
    return this.writer.inTransaction({ actor, correlationId }, async (ctx) => {
      const op = await lockOperation(ctx.m, operationId, 'pessimistic_write');
      refuseUnlessPlanned(op, ctx.now);
      const next = {
        name: input.name ?? op.name,
        startsAt: input.startsAt ? new Date(input.startsAt) : op.startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : op.endsAt,
      };
      const order = checkWeekDates(next.startsAt, next.endsAt);
      if (order.length) throw ProblemError.validation(order);
      const same =
        next.name === op.name &&
        next.startsAt.getTime() === op.startsAt.getTime() &&
        next.endsAt.getTime() === op.endsAt.getTime();
      if (same) return toOperation(op, ctx.now);
      await ctx.m.update(OperationEntity, { id: op.id }, next);
      const payload: OperationUpdatedV1 = {
        operationId: op.id,
        name: next.name,
        startsAt: next.startsAt.toISOString(),
        endsAt: next.endsAt.toISOString(),
      };
      await recordChanges(ctx, [
        {
          kind: OPERATION_UPDATED,
          aggregateId: op.id,
          payload,
          audit: { operationId: op.id, details: { ...input } },
        },
      ]);
      return toOperation({ ...op, ...next }, ctx.now);
    });
  }
}

function refuseUnlessPlanned(op: OperationEntity, now: Date): void {
  const status = operationStatus(op.startsAt, op.closedAt, now);
  if (status === 'closed')
    throw new ProblemError('operation_closed', `Operation ${op.id} is closed; it cannot be edited`);
  if (status !== 'planned')
    throw new ProblemError(
      'conflict',
      `Operation ${op.id} has started; only a planned week can be edited`,
      [{ field: 'status', message: `is ${status}` }],
    );
}
