import { Command } from '@nestjs/cqrs';
import { Actor, Operation } from '@intensify/contracts';

export class ReopenOperationCommand extends Command<Operation> {
  constructor(
    readonly operationId: string,
    readonly reason: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
