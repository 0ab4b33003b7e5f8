import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry, Page } from '@intensify/contracts';
import { readAuditPage } from '@intensify/persistence';
import { ListAuditQuery } from './list-audit.query';

/** Newest first; the cursor is the last entry's id. */
@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery, Page<AuditEntry>> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  execute({ operationId, cursor, limit }: ListAuditQuery): Promise<Page<AuditEntry>> {
    return readAuditPage(this.db, 'reporting', { operationId, cursor, limit });
  }
}
