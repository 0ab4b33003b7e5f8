import { Command } from '@nestjs/cqrs';
import { Actor, CreateOperation, Operation } from '@intensify/contracts';

export class CreateOperationCommand extends Command<Operation> {
  constructor(
    readonly input: CreateOperation,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
