import { Command } from '@nestjs/cqrs';
import { Actor, OutcomeBatch, OutcomeBatchResults } from '@intensify/contracts';

/** New outcomes of one actor sent together by the gateway; each is answered on its own. */
export class RecordOutcomeBatchCommand extends Command<OutcomeBatchResults> {
  constructor(
    readonly items: OutcomeBatch['items'],
    readonly actor: Actor,
  ) {
    super();
  }
}
