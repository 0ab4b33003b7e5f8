import { Command } from '@nestjs/cqrs';
import {
  Actor,
  DeconflictionAction,
  DeconflictionActionInput,
  DeconflictionAlert,
} from '@intensify/contracts';

export interface ActOnAlertResult {
  replayed: boolean;
  body: DeconflictionAlert;
}

export class ActOnAlertCommand extends Command<ActOnAlertResult> {
  constructor(
    readonly alertId: string,
    readonly action: DeconflictionAction,
    readonly input: DeconflictionActionInput,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
