import { Command } from '@nestjs/cqrs';
import { Actor, Outcome } from '@intensify/contracts';

export interface RecordOutcomeResult {
  id: string;
  /** True when the key had been seen with the same request: nothing new was recorded. */
  replayed: boolean;
}

export class RecordOutcomeCommand extends Command<RecordOutcomeResult> {
  constructor(
    readonly operationId: string,
    readonly outcome: Outcome,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
