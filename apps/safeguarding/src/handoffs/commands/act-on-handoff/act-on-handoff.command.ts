import { Command } from '@nestjs/cqrs';
import { Actor, Handoff, HandoffAction, HandoffActionInput } from '@intensify/contracts';

export class ActOnHandoffCommand extends Command<Handoff> {
  constructor(
    readonly handoffId: string,
    readonly action: HandoffAction,
    readonly input: HandoffActionInput,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
