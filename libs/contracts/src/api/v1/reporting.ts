import { Actor } from '../../events/envelope';
import { checkSchema, FieldError, Validated } from '../../validation';
import { ReasonBody } from '../../internal/internal-requests';
import { Outcome } from './outcome';

export const REASON_SCHEMA = {
  $id: 'reason.v1',
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
} as const;

/** A reopening's or a retraction's `{ reason }`, as sent (the owner trims it). */
export function validateReason(body: unknown): Validated<ReasonBody> {
  const errors = checkSchema(REASON_SCHEMA, body);
  return errors.length ? { ok: false, errors } : { ok: true, value: body as ReasonBody };
}

export interface OutcomeVersion {
  version: number;
  body: Outcome;
  recordedAt: string;
  recordedBy: Pick<Actor, 'sub' | 'role'>;
}

export interface OutcomeItem {
  id: string;
  operationId: string;
  type: Outcome['type'];
  force: string;
  version: number;
  status: 'live' | 'retracted';
  current: Outcome;
  createdAt: string;
  updatedAt: string;
  retraction?: { reason: string; at: string; by: Pick<Actor, 'sub' | 'role'> };
  versions: OutcomeVersion[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The answer to a correction or retraction (202 first time, 200 on replay). */
export interface OutcomeChangeAccepted {
  id: string;
  version: number;
  status: 'accepted';
}

export interface RejectedRow {
  /** 1-based number of the data row (the first row after the header is 1). */
  row: number;
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  errors: FieldError[];
}

export interface ImportResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedRow[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: Actor;
  action: string;
  operationId: string | null;
  subjectId: string | null;
  correlationId: string;
  details: Record<string, unknown>;
}

/** Who the caller is and which forces they may report for (drives the reporting page). */
export interface Me {
  sub: string;
  role: Actor['role'];
  region?: string;
  force?: string;
  forces: string[];
}
