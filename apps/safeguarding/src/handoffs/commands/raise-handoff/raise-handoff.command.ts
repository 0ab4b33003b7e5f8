import { Command } from '@nestjs/cqrs';
import { Actor, Handoff, RaiseHandoffRequest } from '@intensify/contracts';

export interface RaiseHandoffResult {
  replayed: boolean;
  body: Handoff;
}

export class RaiseHandoffCommand extends Command<RaiseHandoffResult> {
  constructor(
    readonly request: RaiseHandoffRequest,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
