import { Command } from '@nestjs/cqrs';
import { Actor, Operation, UpdateOperation } from '@intensify/contracts';

export class UpdateOperationCommand extends Command<Operation> {
  constructor(
    readonly operationId: string,
    readonly input: UpdateOperation,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
