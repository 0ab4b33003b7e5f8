import { Query } from '@nestjs/cqrs';
import { Actor, Tasking } from '@intensify/contracts';

export class GetTaskingQuery extends Query<Tasking> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
