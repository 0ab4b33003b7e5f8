import { DataSource } from 'typeorm';
import {
  AuditEntry,
  auditCursorAfter,
  decodeAuditCursor,
  isUuid,
  Page,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

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

export interface AuditPageRequest {
  operationId?: string;
  cursor?: string;
  limit: number;
}

/**
 * One page of a service's `<schema>.audit_log`, newest first. `idPrefix` (e.g. `tasking-`)
 * keeps entry ids unique once the gateway merges several services' logs.
 */
export async function readAuditPage(
  db: DataSource,
  schema: string,
  { operationId, cursor, limit }: AuditPageRequest,
  idPrefix = '',
): Promise<Page<AuditEntry>> {
  if (operationId !== undefined && !isUuid(operationId))
    throw ProblemError.validation([{ field: 'operationId', message: 'must be a UUID' }]);
  const before = cursor === undefined ? null : decodeAuditCursor(cursor);
  if (typeof before === 'object' && before !== null) throw ProblemError.validation([before]);
  const rows: Row[] = await db.query(
    `SELECT * FROM ${schema}.audit_log
     WHERE ($1::uuid IS NULL OR operation_id = $1) AND ($2::bigint IS NULL OR id < $2)
     ORDER BY id DESC LIMIT $3`,
    [operationId ?? null, before, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: `${idPrefix}${r.id}`,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      operationId: r.operation_id,
      subjectId: r.subject_id,
      correlationId: r.correlation_id,
      details: r.details,
    })),
    nextCursor: rows.length > limit ? auditCursorAfter(page[page.length - 1].id) : null,
  };
}
