import { Query } from '@nestjs/cqrs';
import { Actor, Page, Tasking, TaskingStatus } from '@intensify/contracts';

export interface TaskingFilter {
  operationId?: string;
  force?: string;
  region?: string;
  status?: TaskingStatus;
  cursor?: string;
  limit: number;
}

export class ListTaskingsQuery extends Query<Page<Tasking>> {
  constructor(
    readonly filter: TaskingFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}
