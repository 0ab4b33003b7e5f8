import { Command } from '@nestjs/cqrs';
import { Actor } from '@intensify/contracts';
import { CorrectOutcomeResult } from '../correct-outcome/correct-outcome.command';

export class RetractOutcomeCommand extends Command<CorrectOutcomeResult> {
  constructor(
    readonly outcomeId: string,
    readonly reason: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
