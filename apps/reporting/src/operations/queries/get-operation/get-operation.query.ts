import { Query } from '@nestjs/cqrs';
import { Operation } from '@intensify/contracts';

export class GetOperationQuery extends Query<Operation> {
  constructor(readonly id: string) {
    super();
  }
}
