import { Command } from '@nestjs/cqrs';
import { Actor, Operation } from '@intensify/contracts';

export class CloseOperationCommand extends Command<Operation> {
  constructor(
    readonly operationId: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
