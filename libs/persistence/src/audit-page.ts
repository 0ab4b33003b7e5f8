import { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditEntry,
  auditCursorAfter,
  AuditListQuery,
  decodeAuditCursor,
  FieldError,
  isUuid,
  Page,
} from '@intensify/contracts';
import { pageLimit, ProblemError } from '@intensify/problems';
import { quoteIdent } from './database';

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

/** What a page of the audit log is filtered on; each filter is an exact match. */
export interface AuditPageRequest {
  action?: string;
  operationId?: string;
  subjectId?: string;
  /** The acting user's `sub`. */
  sub?: string;
  cursor?: string;
  limit: number;
}

const FILTERS = ['action', 'operationId', 'subjectId', 'sub', 'cursor'] as const;

/**
 * An audit listing's query string as a request: blank filters are absent, `limit` is capped,
 * `operationId` and `cursor` must be ones this API could have given out.
 */
export function auditPageRequest(query: AuditListQuery): AuditPageRequest {
  const errors: FieldError[] = [];
  const request: AuditPageRequest = { limit: 0 };
  for (const field of FILTERS) {
    const value: unknown = query[field];
    if (value === undefined || value === '') continue;
    if (typeof value === 'string') request[field] = value;
    else errors.push({ field, message: 'must be given once' });
  }
  if (request.operationId !== undefined && !isUuid(request.operationId))
    errors.push({ field: 'operationId', message: 'must be a UUID' });
  if (request.cursor !== undefined) {
    const before = decodeAuditCursor(request.cursor);
    if (typeof before === 'object') errors.push(before);
  }
  if (errors.length) throw ProblemError.validation(errors);
  request.limit = pageLimit(query.limit === undefined ? undefined : String(query.limit));
  return request;
}

/**
 * Lists one service's `<schema>.audit_log`, newest first, a page at a time; the cursor is
 * the last entry's id. `idPrefix` (e.g. `tasking-`) keeps entry ids unique once the gateway
 * merges several services' logs.
 */
export class AuditReader {
  constructor(
    private readonly db: DataSource,
    private readonly schema: string,
    private readonly idPrefix = '',
  ) {}

  async page(query: AuditListQuery): Promise<Page<AuditEntry>> {
    const { action, operationId, subjectId, sub, cursor, limit } = auditPageRequest(query);
    const rows: Row[] = await this.db.query(
      `SELECT * FROM ${quoteIdent(this.schema)}.audit_log
       WHERE ($1::text IS NULL OR action = $1)
         AND ($2::uuid IS NULL OR operation_id = $2)
         AND ($3::text IS NULL OR subject_id = $3)
         AND ($4::text IS NULL OR actor->>'sub' = $4)
         AND ($5::bigint IS NULL OR id < $5)
       ORDER BY id DESC LIMIT $6`,
      [
        action ?? null,
        operationId ?? null,
        subjectId ?? null,
        sub ?? null,
        cursor === undefined ? null : decodeAuditCursor(cursor),
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => this.toEntry(r)),
      nextCursor: rows.length > limit ? auditCursorAfter(page[page.length - 1].id) : null,
    };
  }

  private toEntry(r: Row): AuditEntry {
    return {
      id: `${this.idPrefix}${r.id}`,
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      operationId: r.operation_id,
      subjectId: r.subject_id,
      correlationId: r.correlation_id,
      details: r.details,
    };
  }
}

/** Provides the service's `AuditReader` over its own schema's log. */
export function auditReader(schema: string, idPrefix = ''): Provider {
  return {
    provide: AuditReader,
    inject: [getDataSourceToken()],
    useFactory: (db: DataSource) => new AuditReader(db, schema, idPrefix),
  };
}
