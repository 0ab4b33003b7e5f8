import { Query } from '@nestjs/cqrs';
import { Actor, OutcomeItem, Page } from '@intensify/contracts';

export interface OutcomeFilter {
  force?: string;
  type?: string;
  status?: 'live' | 'retracted';
  cursor?: string;
  limit: number;
}

export class ListOutcomesQuery extends Query<Page<OutcomeItem>> {
  constructor(
    readonly operationId: string,
    readonly filter: OutcomeFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}
