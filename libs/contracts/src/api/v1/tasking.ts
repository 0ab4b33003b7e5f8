import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';
import { Actor } from '../../events/envelope';
import { FieldError, Validated, checkSchema, validateQueryParams } from '../../validation';

export const TASKING_PRIORITIES = ['P1', 'P2', 'P3'] as const;
export type TaskingPriority = (typeof TASKING_PRIORITIES)[number];

const OPEN_STATUSES = ['issued', 'acknowledged', 'in-progress'] as const;
export const TASKING_STATUSES = [...OPEN_STATUSES, 'completed', 'declined', 'cancelled'] as const;
export type TaskingStatus = (typeof TASKING_STATUSES)[number];

/** The transitions a caller may ask for, each at `POST /api/v1/taskings/{id}/<transition>`. */
export const TASKING_TRANSITIONS = [
  'acknowledge',
  'start',
  'complete',
  'decline',
  'cancel',
  'reassign',
] as const;
export type TaskingTransition = (typeof TASKING_TRANSITIONS)[number];

export const DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES = 240;
/** One request may task every force at once (44), with room for several lines each. */
export const MAX_TASKINGS_PER_REQUEST = 200;

export interface IssueTasking {
  force: string;
  lineId?: string;
  action: string;
  priority: TaskingPriority;
  dueAt: string;
  acknowledgeWithinMinutes: number;
  notes?: string;
}

/** What a create request asked for: one tasking, or several at once (all or nothing). */
export interface IssueTaskingsRequest {
  bulk: boolean;
  taskings: IssueTasking[];
}

export interface TaskingHistoryEntry {
  seq: number;
  type: string;
  at: string;
  actor: Pick<Actor, 'sub' | 'role'>;
  from: TaskingStatus | null;
  to: TaskingStatus;
  details: Record<string, unknown>;
}

/** A tasking as issued, with where it now stands. */
export interface Tasking extends IssueTasking {
  id: string;
  operationId: string;
  status: TaskingStatus;
  /** Past `dueAt` without being completed, declined or cancelled (may be in progress too). */
  overdue: boolean;
  /** Not acknowledged within `acknowledgeWithinMinutes` of its (latest) issue: reminded. */
  reminded: boolean;
  /** Overdue and P1: escalated to the NCLCC. */
  escalated: boolean;
  issuedBy: Pick<Actor, 'sub' | 'role' | 'region'>;
  issuedAt: string;
  updatedAt: string;
  outcomeIds: string[];
  /** A line reference typed as free text before taskings named register lines; read only. */
  legacyLineRef?: string;
  declineReason?: string;
  cancelReason?: string;
  /** Every event of the tasking, oldest first; only on `GET /api/v1/taskings/{id}`. */
  history?: TaskingHistoryEntry[];
}

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' });
const force = { type: 'string', enum: FORCE_CODES } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const minutes = { type: 'integer', minimum: 1, maximum: 10_080 } as const;

export const ISSUE_TASKING_SCHEMA = {
  $id: 'issue-tasking.v1',
  type: 'object',
  additionalProperties: false,
  required: ['force', 'action', 'priority', 'dueAt'],
  properties: {
    force,
    // A register line's id, checked by the gateway (exists, in the caller's scope).
    lineId: { type: 'string', format: 'uuid' },
    action: text(500),
    priority: { type: 'string', enum: TASKING_PRIORITIES },
    dueAt: dateTime,
    acknowledgeWithinMinutes: { ...minutes, default: DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES },
    notes: text(2000),
  },
} as const;

export const ISSUE_TASKINGS_SCHEMA = {
  $id: 'issue-taskings.v1',
  type: 'object',
  additionalProperties: false,
  required: ['taskings'],
  properties: {
    taskings: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_TASKINGS_PER_REQUEST,
      items: { ...ISSUE_TASKING_SCHEMA, $id: undefined },
    },
  },
} as const;

const note = text(2000);
const reason = text(500);

/** The body each transition takes; `decline` needs a reason, `reassign` a force. */
export const TRANSITION_SCHEMAS: Record<TaskingTransition, object> = {
  acknowledge: body('acknowledge', { note }),
  start: body('start', { note }),
  complete: body('complete', {
    note,
    outcomeIds: {
      type: 'array',
      maxItems: 100,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
    },
  }),
  decline: body('decline', { reason }, ['reason']),
  cancel: body('cancel', { reason }),
  reassign: body(
    'reassign',
    { force, dueAt: dateTime, acknowledgeWithinMinutes: minutes, reason },
    ['force'],
  ),
};

function body(name: string, properties: object, required: string[] = []): object {
  return {
    $id: `tasking-${name}.v1`,
    type: 'object',
    additionalProperties: false,
    required,
    properties,
  };
}

export interface TransitionInput {
  note?: string;
  reason?: string;
  outcomeIds?: string[];
  force?: string;
  dueAt?: string;
  acknowledgeWithinMinutes?: number;
}

/**
 * A create body is one tasking or `{ taskings: [...] }`. Field paths of a bulk request name the
 * item (`taskings.3.dueAt`). Defaults are filled in and times normalized, so equal meanings
 * hash equally for idempotency.
 */
export function validateIssueTaskings(raw: unknown): Validated<IssueTaskingsRequest> {
  const bulk = typeof raw === 'object' && raw !== null && 'taskings' in raw;
  const errors: FieldError[] = checkSchema(
    bulk ? ISSUE_TASKINGS_SCHEMA : ISSUE_TASKING_SCHEMA,
    raw,
  );
  if (errors.length) return { ok: false, errors };
  const items = bulk ? (raw as { taskings: object[] }).taskings : [raw as object];
  return { ok: true, value: { bulk, taskings: items.map((i) => normalize(i as IssueTasking)) } };
}

function normalize(t: IssueTasking): IssueTasking {
  return {
    force: t.force,
    ...(t.lineId !== undefined && { lineId: t.lineId }),
    action: t.action.trim(),
    priority: t.priority,
    dueAt: new Date(t.dueAt).toISOString(),
    acknowledgeWithinMinutes: t.acknowledgeWithinMinutes ?? DEFAULT_ACKNOWLEDGE_WITHIN_MINUTES,
    ...(t.notes !== undefined && { notes: t.notes }),
  };
}

export function validateTransition(
  transition: TaskingTransition,
  raw: unknown,
): Validated<TransitionInput> {
  const errors = checkSchema(TRANSITION_SCHEMAS[transition], raw ?? {});
  if (errors.length) return { ok: false, errors };
  const input = { ...(raw as TransitionInput) };
  if (input.reason) input.reason = input.reason.trim();
  if (input.dueAt) input.dueAt = new Date(input.dueAt).toISOString();
  return { ok: true, value: input };
}

/** `dueAt` must lie ahead of the server's clock; `field` is its path in the request. */
export function dueAtError(dueAt: string, now: Date, field = 'dueAt'): FieldError | null {
  return new Date(dueAt).getTime() > now.getTime()
    ? null
    : { field, message: 'must be in the future' };
}

/** Statuses in which a tasking still awaits action: only these can be overdue. */
export const OPEN_TASKING_STATUSES: readonly TaskingStatus[] = OPEN_STATUSES;

export function isOpenTaskingStatus(status: TaskingStatus): boolean {
  return OPEN_TASKING_STATUSES.includes(status);
}

export const TASKING_LIST_SCHEMA = {
  $id: 'tasking-list-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    operationId: { type: 'string', format: 'uuid' },
    force,
    region: { type: 'string', enum: REGION_CODES },
    status: { type: 'string', enum: TASKING_STATUSES },
    cursor: { type: 'string', minLength: 1, maxLength: 100 },
    limit: { type: 'string', pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$' },
  },
} as const;

export interface TaskingListQuery {
  operationId?: string;
  force?: string;
  region?: string;
  status?: TaskingStatus;
  cursor?: string;
  limit?: string;
}

/** Query parameters of `GET /api/v1/taskings`: known names, each once, with known values. */
export function validateTaskingListQuery(
  query: Record<string, unknown>,
): Validated<TaskingListQuery> {
  return validateQueryParams<TaskingListQuery>(TASKING_LIST_SCHEMA, query);
}
