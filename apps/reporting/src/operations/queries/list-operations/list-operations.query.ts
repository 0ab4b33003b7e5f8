import { Query } from '@nestjs/cqrs';
import { Operation } from '@intensify/contracts';

export class ListOperationsQuery extends Query<Operation[]> {}
