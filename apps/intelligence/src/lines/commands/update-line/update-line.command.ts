import { Command } from '@nestjs/cqrs';
import { Actor, Line, UpdateLineRequest } from '@intensify/contracts';

export class UpdateLineCommand extends Command<Line> {
  constructor(
    readonly lineId: string,
    readonly patch: UpdateLineRequest,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
