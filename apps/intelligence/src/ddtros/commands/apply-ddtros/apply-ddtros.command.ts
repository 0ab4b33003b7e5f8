import { Command } from '@nestjs/cqrs';
import { Actor, ApplyDdtrosRequest, Ddtro } from '@intensify/contracts';

export interface ApplyDdtrosResult {
  replayed: boolean;
  body: { batchId: string; ddtros: Ddtro[] };
}

export class ApplyDdtrosCommand extends Command<ApplyDdtrosResult> {
  constructor(
    readonly lineId: string,
    readonly request: ApplyDdtrosRequest,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
