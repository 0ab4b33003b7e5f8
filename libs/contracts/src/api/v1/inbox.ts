import { Validated, checkSchema, validateQueryParams } from '../../validation';

/** What a notification is about: stable codes, one per thing that needs someone. */
export const NOTIFICATION_KINDS = [
  'tasking.issued',
  'tasking.reassigned',
  'tasking.reminder-due',
  'tasking.overdue',
  'tasking.escalated',
  'handoff.raised',
  'handoff.redirected',
  'handoff.overdue',
  'ddtro.replacement-number',
  'ddtro.provider-overdue',
  'deconfliction.raised',
  'deconfliction.handed',
  'week.opened',
  'week.closed',
  'week.reopened',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One thing that needs someone, derived from an event: codes and ids only, never a person
 * (no subject reference, no number); `href` is the page where it is seen and acted on.
 */
export interface Notification {
  id: string;
  kind: NotificationKind;
  at: string;
  title: string;
  href: string;
  operationId?: string;
  taskingId?: string;
  handoffId?: string;
  lineId?: string;
  alertId?: string;
  ddtroId?: string;
  force?: string;
  region?: string;
}

export interface InboxItem extends Notification {
  read: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  unread: number;
}

export interface InboxUnread {
  unread: number;
}

/** What an inbox stream pushes: the count and the newest few. */
export interface InboxPush extends InboxUnread {
  latest: InboxItem[];
}

export const INBOX_LIMIT_MAX = 100;
export const INBOX_READ_IDS_MAX = 200;

export const INBOX_QUERY_SCHEMA = {
  $id: 'inbox-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    unread: { type: 'string', enum: ['true', 'false'] },
    cursor: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'string', pattern: '^([1-9][0-9]?|100)$' },
  },
} as const;

export interface InboxQuery {
  unread?: 'true' | 'false';
  cursor?: string;
  limit?: string;
}

/** Query parameters of `GET /api/v1/inbox`: known names, each once, with known values. */
export function validateInboxQuery(query: Record<string, unknown>): Validated<InboxQuery> {
  return validateQueryParams<InboxQuery>(INBOX_QUERY_SCHEMA, query);
}

export const INBOX_READ_SCHEMA = {
  $id: 'inbox-read.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    ids: {
      type: 'array',
      minItems: 1,
      maxItems: INBOX_READ_IDS_MAX,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
    },
    all: { const: true },
  },
} as const;

/** Marks some notifications read, or every one in the caller's inbox. */
export type InboxReadRequest = { ids: string[] } | { all: true };

/** `{ ids }` or `{ all: true }`, exactly one of the two. */
export function validateInboxRead(body: unknown): Validated<InboxReadRequest> {
  const errors = checkSchema(INBOX_READ_SCHEMA, body);
  if (errors.length) return { ok: false, errors };
  const given = Object.keys(body as object);
  if (given.length !== 1)
    return { ok: false, errors: [{ field: 'body', message: 'must give either ids or all: true' }] };
  return { ok: true, value: body as InboxReadRequest };
}
