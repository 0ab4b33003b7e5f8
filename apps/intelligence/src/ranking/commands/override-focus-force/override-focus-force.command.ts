import { Command } from '@nestjs/cqrs';
import { Actor, FocusForceOverrideRequest, FocusLines } from '@intensify/contracts';

export class OverrideFocusForceCommand extends Command<FocusLines> {
  constructor(
    readonly operationId: string,
    readonly force: string,
    readonly request: FocusForceOverrideRequest,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
