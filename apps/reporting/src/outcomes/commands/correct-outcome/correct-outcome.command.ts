import { Command } from '@nestjs/cqrs';
import { Actor, Outcome, OutcomeChangeAccepted } from '@intensify/contracts';

export type CorrectOutcomeResult = OutcomeChangeAccepted & { replayed: boolean };

export class CorrectOutcomeCommand extends Command<CorrectOutcomeResult> {
  constructor(
    readonly outcomeId: string,
    readonly replacement: Outcome,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
