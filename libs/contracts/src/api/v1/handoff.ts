import { FORCE_CODES } from '@intensify/reference-data';
import { Actor } from '../../events/envelope';
import { FieldError, Validated, checkSchema, validateQueryParams } from '../../validation';
import { HOLDER_REF_PATTERN, holderRefError } from './line';
import { personalDataError, referenceReadsAsPerson } from './personal-data';

/**
 * A safeguarding hand-off: a child or vulnerable adult found away from home, handed to the
 * home force so that someone there owns what happens next, with a deadline.
 */
export const HANDOFF_STATUSES = ['raised', 'acknowledged', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export const AGE_GROUPS = ['child', 'adult'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const HANDOFF_CONCERNS = [
  'criminal-exploitation', // made to carry or deal drugs, run a line, hold cash
  'sexual-exploitation',
  'missing', // from home or from care
  'cuckooing', // their home taken over to deal from
  'trafficking', // moved to deal, from one area to another
  'other',
] as const;
export type HandoffConcern = (typeof HANDOFF_CONCERNS)[number];

export const HANDOFF_OUTCOMES = [
  'visited',
  'referred-to-local-authority', // children's or adult social care
  'strategy-meeting', // held with social care and partners
  'nrm-referral', // National Referral Mechanism, for victims of modern slavery and trafficking
  'no-further-action',
] as const;
export type HandoffOutcome = (typeof HANDOFF_OUTCOMES)[number];

export const HANDOFF_ACTIONS = ['acknowledge', 'redirect', 'close'] as const;
export type HandoffAction = (typeof HANDOFF_ACTIONS)[number];

/** Hours the home force has to acknowledge: a child cannot wait as long as an adult. */
export const ACKNOWLEDGE_WITHIN_HOURS: Record<AgeGroup, number> = { child: 24, adult: 72 };

export const HANDOFF_NOTE_MAX = 1000;
export const HANDOFF_REASON_MAX = 500;

export interface RaiseHandoffRequest {
  operationId?: string;
  foundForce: string;
  homeForce: string;
  subjectRef: string;
  ageGroup: AgeGroup;
  concerns: HandoffConcern[];
  foundAt: string;
  safeguardingOutcomeId?: string;
  note?: string;
}

export interface AcknowledgeHandoffRequest {
  owner: string;
}
export interface RedirectHandoffRequest {
  homeForce: string;
  reason: string;
}
export interface CloseHandoffRequest {
  outcome: HandoffOutcome;
  note?: string;
}
export type HandoffActionInput =
  AcknowledgeHandoffRequest | RedirectHandoffRequest | CloseHandoffRequest;

/** One step of a hand-off's history, oldest first; `action` is raise, acknowledge, … */
export interface HandoffHistoryEntry {
  at: string;
  by: Pick<Actor, 'sub' | 'role'> & { region?: string; force?: string };
  action: 'raise' | HandoffAction | 'overdue' | 'erase-subject';
  [detail: string]: unknown;
}

export interface Handoff {
  id: string;
  operationId: string | null;
  status: HandoffStatus;
  foundForce: string;
  homeForce: string;
  /** Null once the retention period after closing has passed and the reference is erased. */
  subjectRef: string | null;
  ageGroup: AgeGroup;
  concerns: HandoffConcern[];
  foundAt: string;
  acknowledgeBy: string;
  overdue: boolean;
  escalatedAt: string | null;
  owner: string | null;
  outcome: HandoffOutcome | null;
  safeguardingOutcomeId?: string;
  note?: string;
  previousHandoffs: string[];
  history: HandoffHistoryEntry[];
}

export interface HandoffListQuery {
  operationId?: string;
  homeForce?: string;
  foundForce?: string;
  status?: HandoffStatus;
  overdue?: 'true' | 'false';
  cursor?: string;
  limit?: number;
}

/** Counted at the (current) home force; `overdue` is the part of `raised` past its deadline. */
export interface HandoffCounts {
  raised: number;
  acknowledged: number;
  closed: number;
  overdue: number;
}

export function emptyHandoffCounts(): HandoffCounts {
  return { raised: 0, acknowledged: 0, closed: 0, overdue: 0 };
}

const force = { type: 'string', enum: FORCE_CODES } as const;
const ref = { type: 'string', pattern: HOLDER_REF_PATTERN, maxLength: 32 } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });
const dateTime = { type: 'string', format: 'date-time' } as const;
const uuid = { type: 'string', format: 'uuid' } as const;

export const RAISE_HANDOFF_SCHEMA = {
  $id: 'raise-handoff.v1',
  type: 'object',
  additionalProperties: false,
  required: ['foundForce', 'homeForce', 'subjectRef', 'ageGroup', 'concerns', 'foundAt'],
  properties: {
    operationId: uuid,
    foundForce: force,
    homeForce: force,
    subjectRef: ref,
    ageGroup: { type: 'string', enum: AGE_GROUPS },
    concerns: {
      type: 'array',
      minItems: 1,
      maxItems: HANDOFF_CONCERNS.length,
      uniqueItems: true,
      items: { type: 'string', enum: HANDOFF_CONCERNS },
    },
    foundAt: dateTime,
    safeguardingOutcomeId: uuid,
    note: text(HANDOFF_NOTE_MAX),
  },
} as const;

export const HANDOFF_ACTION_SCHEMAS: Record<HandoffAction, object> = {
  acknowledge: actionBody('acknowledge', { owner: ref }, ['owner']),
  redirect: actionBody('redirect', { homeForce: force, reason: text(HANDOFF_REASON_MAX) }, [
    'homeForce',
    'reason',
  ]),
  close: actionBody(
    'close',
    { outcome: { type: 'string', enum: HANDOFF_OUTCOMES }, note: text(HANDOFF_NOTE_MAX) },
    ['outcome'],
  ),
};

function actionBody(name: string, properties: object, required: string[]): object {
  return {
    $id: `handoff-${name}.v1`,
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  };
}

/** How far ahead of ours a reporter's clock may run before `foundAt` counts as in the future. */
export const FOUND_AT_CLOCK_SKEW_MS = 120_000;

/** What a reference field holds that is not a pseudonymous reference, or null when it is one. */
function referenceError(ref: string): string | null {
  const person = referenceReadsAsPerson(ref);
  return (
    holderRefError(ref) ?? (person && `must not read as ${person}: use a pseudonymous reference`)
  );
}

/**
 * Pseudonymous references must not read as dates or names; free text must hold no personal
 * data. Fields the schema already refused are not judged again, so each is named once.
 */
function contentErrors(raw: unknown, refs: string[], texts: string[], refused: FieldError[]) {
  const errors: FieldError[] = [];
  if (typeof raw !== 'object' || raw === null) return errors;
  const body = raw as Record<string, unknown>;
  const judged = (f: string) => typeof body[f] === 'string' && !refused.some((e) => e.field === f);
  for (const f of refs.filter(judged)) {
    const message = referenceError(body[f] as string);
    if (message) errors.push({ field: f, message });
  }
  for (const f of texts.filter(judged)) {
    const message = personalDataError(body[f] as string);
    if (message) errors.push({ field: f, message });
  }
  return errors;
}

/**
 * Checks a raise body: its shape, then what only code can say (home ≠ found, references that
 * read as dates or names, personal data in the note), naming every bad field at once. Given
 * `now`, `foundAt` must not be in the future (beyond `FOUND_AT_CLOCK_SKEW_MS`). `foundAt` is
 * normalized so equal meanings hash equally for idempotency. The week's existence is the
 * caller's to check.
 */
export function validateRaiseHandoff(raw: unknown, now?: Date): Validated<RaiseHandoffRequest> {
  const errors = checkSchema(RAISE_HANDOFF_SCHEMA, raw);
  errors.push(...contentErrors(raw, ['subjectRef'], ['note'], errors));
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as RaiseHandoffRequest;
  const refused = (f: string) => errors.some((e) => e.field === f);
  if (!refused('homeForce') && !refused('foundForce') && body.homeForce === body.foundForce)
    errors.push({ field: 'homeForce', message: 'must differ from foundForce' });
  if (
    now &&
    !refused('foundAt') &&
    Date.parse(body.foundAt) > now.getTime() + FOUND_AT_CLOCK_SKEW_MS
  )
    errors.push({ field: 'foundAt', message: 'must not be in the future' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { ...body, foundAt: new Date(body.foundAt).toISOString(), note: body.note?.trim() },
  };
}

export function validateHandoffAction(
  action: HandoffAction,
  raw: unknown,
): Validated<HandoffActionInput> {
  const errors = checkSchema(HANDOFF_ACTION_SCHEMAS[action], raw ?? {});
  errors.push(...contentErrors(raw, ['owner'], ['reason', 'note'], errors));
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: raw as HandoffActionInput };
}

/** `acknowledgeBy` from when the clock starts (found, or redirected) and the length of an hour. */
export function acknowledgeBy(from: Date, ageGroup: AgeGroup, hourMs: number): Date {
  return new Date(from.getTime() + ACKNOWLEDGE_WITHIN_HOURS[ageGroup] * hourMs);
}

export const HANDOFF_LIST_SCHEMA = {
  $id: 'handoff-list-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    operationId: uuid,
    homeForce: force,
    foundForce: force,
    status: { type: 'string', enum: HANDOFF_STATUSES },
    overdue: { type: 'string', enum: ['true', 'false'] },
    cursor: { type: 'string', minLength: 1, maxLength: 100 },
    limit: { type: 'string', pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$' },
  },
} as const;

/** Query parameters of `GET /api/v1/handoffs`: known names, each once, with known values. */
export function validateHandoffListQuery(
  query: Record<string, unknown>,
): Validated<HandoffListQuery> {
  const q = validateQueryParams<Omit<HandoffListQuery, 'limit'> & { limit?: string }>(
    HANDOFF_LIST_SCHEMA,
    query,
  );
  if (!q.ok) return q;
  const { limit, ...filter } = q.value;
  return { ok: true, value: { ...filter, ...(limit && { limit: Number(limit) }) } };
}
