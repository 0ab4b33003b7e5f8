import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditEntry, Page } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { isUuid } from '../../../operations/open-operation';
import { ListAuditQuery } from './list-audit.query';

interface Row {
  id: string;
  at: Date;
  actor: AuditEntry['actor'];
  action: string;
  operation_id: string | null;
  subject_id: string | null;
  correlation_id: string;
  details: Record<string, unknown>;
}

/** Newest first; the cursor is the last entry's id. */
@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery, Page<AuditEntry>> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ operationId, cursor, limit }: ListAuditQuery): Promise<Page<AuditEntry>> {
    if (operationId !== undefined && !isUuid(operationId)) {
      throw ProblemError.validation([{ field: 'operationId', message: 'must be a UUID' }]);
    }
    const before = cursor === undefined ? null : decode(cursor);
    const rows: Row[] = await this.db.query(
      `SELECT * FROM reporting.audit_log
       WHERE ($1::uuid IS NULL OR operation_id = $1) AND ($2::bigint IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [operationId ?? null, before, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        operationId: r.operation_id,
        subjectId: r.subject_id,
        correlationId: r.correlation_id,
        details: r.details,
      })),
      nextCursor:
        rows.length > limit
          ? Buffer.from(`a:${page[page.length - 1].id}`).toString('base64url')
          : null,
    };
  }
}

function decode(cursor: string): string {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^a:(\d{1,19})$/);
  if (!m)
    throw ProblemError.validation([
      { field: 'cursor', message: 'is not a cursor this API gave out' },
    ]);
  return m[1];
}
