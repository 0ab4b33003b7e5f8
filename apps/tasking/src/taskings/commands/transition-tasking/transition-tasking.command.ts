import { Command } from '@nestjs/cqrs';
import { Actor, Tasking, TaskingTransition, TransitionInput } from '@intensify/contracts';

export class TransitionTaskingCommand extends Command<Tasking> {
  constructor(
    readonly taskingId: string,
    readonly transition: TaskingTransition,
    readonly input: TransitionInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
