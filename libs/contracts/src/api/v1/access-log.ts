import { FieldError } from '../../validation';

/** Why the user reads person-level data: a header on requests, `?purpose=` on event streams. */
export const PURPOSE_HEADER = 'X-Purpose';
export const PURPOSE_QUERY = 'purpose';
export const PURPOSE_MAX_LENGTH = 200;

/** The purpose as sent, or the field error naming where it should have been. */
export function checkPurpose(raw: unknown, field: string): string | FieldError {
  if (typeof raw !== 'string' || raw.trim() === '')
    return { field, message: 'is required: say why you read this person-level data' };
  if (raw.length > PURPOSE_MAX_LENGTH)
    return { field, message: `must be at most ${PURPOSE_MAX_LENGTH} characters` };
  return raw;
}

/**
 * One read of person-level data (s.62 of the Data Protection Act 2018): who read, when, what
 * (the route, the ids of what was read and the people it named) and why.
 */
export interface AccessLogEntry {
  id: string;
  at: string;
  who: { sub: string; role: string; region?: string; force?: string };
  what: {
    /** What kind of person-level data the route gives out, e.g. `line detail`. */
    data: string;
    route: string;
    path: string;
    resourceIds: string[];
    /** Pseudonymous references, deal numbers and hand-off subjects returned or searched for. */
    subjectRefs: string[];
  };
  purpose: string;
  correlationId: string;
  /** For exports: the kind of file and how many data rows it held (null until complete). */
  export: { kind: string; rows: number | null } | null;
}

const text = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const ACCESS_LOG_QUERY_SCHEMA = {
  $id: 'access-log-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    cursor: text,
    subjectRef: text,
    sub: text,
    limit: { type: 'string', pattern: '^[0-9]{1,3}$' },
  },
} as const;

export interface AccessLogQuery {
  cursor?: string;
  subjectRef?: string;
  sub?: string;
  limit?: string;
}

/** A cursor names the last entry a page gave out; newer entries never move it. */
export function accessLogCursorAfter(entryId: string): string {
  return Buffer.from(`x:${entryId}`).toString('base64url');
}

export function decodeAccessLogCursor(cursor: string): string | FieldError {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^x:(\d{1,19})$/);
  return m ? m[1] : { field: 'cursor', message: 'is not a cursor this API gave out' };
}
