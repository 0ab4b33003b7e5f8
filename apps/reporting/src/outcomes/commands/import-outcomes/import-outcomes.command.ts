import { Command } from '@nestjs/cqrs';
import { Actor, ImportResult, Outcome } from '@intensify/contracts';

export interface ImportRow {
  row: number;
  line: number;
  key: string;
  outcome: Outcome;
}

/** Rows the gateway already validated; the rest of a file's verdicts are added by the gateway. */
export class ImportOutcomesCommand extends Command<ImportResult> {
  constructor(
    readonly operationId: string,
    readonly rows: ImportRow[],
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
