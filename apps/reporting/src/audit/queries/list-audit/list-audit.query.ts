import { Query } from '@nestjs/cqrs';
import { AuditEntry, Page } from '@intensify/contracts';

export class ListAuditQuery extends Query<Page<AuditEntry>> {
  constructor(
    readonly operationId: string | undefined,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
