import { Command } from '@nestjs/cqrs';
import { Actor, FocusLines } from '@intensify/contracts';

export class SetFocusLinesCommand extends Command<FocusLines> {
  constructor(
    readonly operationId: string,
    readonly lineIds: string[],
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
