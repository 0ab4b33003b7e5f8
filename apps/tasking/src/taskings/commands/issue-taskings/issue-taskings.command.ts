import { Command } from '@nestjs/cqrs';
import { Actor, IssueTaskingsRequest, Tasking } from '@intensify/contracts';

export type IssuedTaskings = Tasking | { taskings: Tasking[] };

export interface IssueTaskingsResult {
  replayed: boolean;
  body: IssuedTaskings;
}

export class IssueTaskingsCommand extends Command<IssueTaskingsResult> {
  constructor(
    readonly operationId: string,
    readonly request: IssueTaskingsRequest,
    readonly idempotencyKey: string,
    readonly actor: Actor,
    readonly correlationId: string,
  ) {
    super();
  }
}
