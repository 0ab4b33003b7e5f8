import { Command } from '@nestjs/cqrs';
import { Actor, LineReturnReport } from '@intensify/contracts';

export class ImportLineReturnCommand extends Command<LineReturnReport> {
  constructor(
    readonly force: string,
    readonly month: string,
    readonly csv: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
