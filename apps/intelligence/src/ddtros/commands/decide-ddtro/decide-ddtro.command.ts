import { Command } from '@nestjs/cqrs';
import { Actor, Ddtro, DdtroDecision, DdtroDecisionInput } from '@intensify/contracts';

export class DecideDdtroCommand extends Command<Ddtro> {
  constructor(
    readonly ddtroId: string,
    readonly decision: DdtroDecision,
    readonly input: DdtroDecisionInput,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
