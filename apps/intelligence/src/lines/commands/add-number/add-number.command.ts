import { Command } from '@nestjs/cqrs';
import { Actor, AddNumberRequest, Line } from '@intensify/contracts';

export class AddNumberCommand extends Command<Line> {
  constructor(
    readonly lineId: string,
    readonly request: AddNumberRequest,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
