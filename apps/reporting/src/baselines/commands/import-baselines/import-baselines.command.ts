import { Command } from '@nestjs/cqrs';
import { Actor, ImportBaselinesRequest, ImportResult } from '@intensify/contracts';

export class ImportBaselinesCommand extends Command<ImportResult> {
  constructor(
    readonly rows: ImportBaselinesRequest['rows'],
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
