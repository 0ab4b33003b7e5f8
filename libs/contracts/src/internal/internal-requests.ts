import { BaselineCsvRow } from '../api/v1/baseline-csv';
import { Outcome } from '../api/v1/outcome';
import { Problem } from '../api/v1/problem';
import { IssueTasking } from '../api/v1/tasking';
import { checkSchema, Validated } from '../validation';

/** Rows of a CSV return the gateway has parsed and validated, for reporting to store. */
export interface ImportOutcomesRequest {
  rows: { row: number; line: number; key: string; outcome: Outcome }[];
}

/** Most new outcomes the gateway sends reporting in one call. */
export const OUTCOME_BATCH_MAX = 256;

/**
 * New outcomes of one actor (the call's credential) that reached the gateway at about the same
 * time, sent in one call: each checked against the public contract and with its own request's
 * key and correlation id. Reporting answers each as if it had come alone.
 */
export interface OutcomeBatch {
  items: { operationId: string; idempotencyKey: string; correlationId: string; outcome: Outcome }[];
}

const OUTCOME_BATCH_SCHEMA = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: OUTCOME_BATCH_MAX,
      items: {
        type: 'object',
        required: ['operationId', 'idempotencyKey', 'correlationId', 'outcome'],
        additionalProperties: false,
        properties: {
          operationId: { type: 'string', maxLength: 64 },
          idempotencyKey: { type: 'string', maxLength: 255 },
          correlationId: { type: 'string', minLength: 1, maxLength: 200 },
          // Checked against the public contract by the gateway, the one tier that validates it.
          outcome: { type: 'object' },
        },
      },
    },
  },
};

/** The batch's shape and size; each item's key and week are judged one by one. */
export function validateOutcomeBatch(body: unknown): Validated<OutcomeBatch> {
  const errors = checkSchema(OUTCOME_BATCH_SCHEMA, body);
  return errors.length ? { ok: false, errors } : { ok: true, value: body as OutcomeBatch };
}

/** Per item in order: 202 first accepted, 200 a replay of the same request, or its problem. */
export interface OutcomeBatchResults {
  results: ({ status: 200 | 202; id: string } | { status: number; problem: Problem })[];
}

/** One tasking, or several at once (all or nothing), as the caller sent them. */
export type IssueTaskingsBody = IssueTasking | { taskings: IssueTasking[] };

export interface ReasonBody {
  reason: string;
}

export interface OutcomeListQuery {
  force?: string;
  type?: string;
  status?: 'live' | 'retracted';
  cursor?: string;
  limit?: string | number;
}

/** A page of a service's audit log, newest first; every filter is an exact match. */
export interface AuditListQuery {
  action?: string;
  operationId?: string;
  subjectId?: string;
  /** The acting user's `sub`. */
  sub?: string;
  cursor?: string;
  limit?: string | number;
}

/** `forces` comma-separated: the forces the gateway has checked against the caller's scope. */
export interface TimelineQuery {
  forces?: string;
}

/** Rows of a baselines CSV the gateway has parsed and validated, for reporting to store. */
export interface ImportBaselinesRequest {
  rows: (BaselineCsvRow & { row: number; line: number })[];
}

/** A force's weeks from `from` to `to` (ISO weeks, both included). */
export interface BaselineListQuery {
  from: string;
  to: string;
}

/** Hours into the week to compare at; none for whole weeks. */
export interface ComparisonQuery {
  hours?: number;
}
