import { Command } from '@nestjs/cqrs';
import { Actor, Line, RegisterLineRequest } from '@intensify/contracts';

export interface RegisterLineResult {
  created: boolean;
  line: Line;
}

export class RegisterLineCommand extends Command<RegisterLineResult> {
  constructor(
    readonly request: RegisterLineRequest,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
