import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import {
  AccessLogEntry,
  accessLogCursorAfter,
  decodeAccessLogCursor,
  FieldError,
  Page,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { ACCESS_POOL } from './access-log.pool';

export interface AccessLogPageRequest {
  cursor?: string;
  subjectRef?: string;
  sub?: string;
  limit: number;
}

interface Row {
  id: string;
  at: Date;
  sub: string;
  role: string;
  region: string | null;
  force: string | null;
  data: string;
  route: string;
  path: string;
  resource_ids: string[];
  subject_refs: string[];
  purpose: string;
  correlation_id: string;
  export_kind: string | null;
  export_rows: number | null;
}

/** Pages through the access log newest first; the cursor is the last id given out. */
@Injectable()
export class AccessLogReader {
  constructor(@Inject(ACCESS_POOL) private readonly pool: Pool) {}

  async page({
    cursor,
    subjectRef,
    sub,
    limit,
  }: AccessLogPageRequest): Promise<Page<AccessLogEntry>> {
    const before = cursor ? decodeAccessLogCursor(cursor) : null;
    if (isFieldError(before)) throw ProblemError.validation([before]);
    const { rows } = await this.query(
      `SELECT * FROM access.access_log
       WHERE ($1::bigint IS NULL OR id < $1)
         AND ($2::text IS NULL OR subject_refs @> ARRAY[$2::text])
         AND ($3::text IS NULL OR sub = $3)
       ORDER BY id DESC LIMIT $4`,
      [before, subjectRef || null, sub || null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > limit ? accessLogCursorAfter(page[page.length - 1].id) : null,
    };
  }

  private async query(sql: string, params: unknown[]): Promise<{ rows: Row[] }> {
    try {
      return await this.pool.query<Row>(sql, params);
    } catch {
      throw new ProblemError('service_unavailable', 'The access log could not be read; try again');
    }
  }
}

function isFieldError(v: string | FieldError | null): v is FieldError {
  return typeof v === 'object' && v !== null;
}

function toEntry(r: Row): AccessLogEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    who: {
      sub: r.sub,
      role: r.role,
      ...(r.region && { region: r.region }),
      ...(r.force && { force: r.force }),
    },
    what: {
      data: r.data,
      route: r.route,
      path: r.path,
      resourceIds: r.resource_ids,
      subjectRefs: r.subject_refs,
    },
    purpose: r.purpose,
    correlationId: r.correlation_id,
    export: r.export_kind ? { kind: r.export_kind, rows: r.export_rows } : null,
  };
}
