import { FORCE_CODES } from '@intensify/reference-data';
import {
  TASKING_PRIORITIES,
  TASKING_STATUSES,
  TaskingPriority,
  TaskingStatus,
} from '../../api/v1/tasking';
import { dateTime, positionedEventSchema, positiveInteger, uuid } from './positioned-event-schema';

export const TASKING_ISSUED = { type: 'tasking.issued', version: 1 } as const;
export const TASKING_ACKNOWLEDGED = { type: 'tasking.acknowledged', version: 1 } as const;
export const TASKING_STARTED = { type: 'tasking.started', version: 1 } as const;
export const TASKING_COMPLETED = { type: 'tasking.completed', version: 1 } as const;
export const TASKING_DECLINED = { type: 'tasking.declined', version: 1 } as const;
export const TASKING_CANCELLED = { type: 'tasking.cancelled', version: 1 } as const;
export const TASKING_REASSIGNED = { type: 'tasking.reassigned', version: 1 } as const;
export const TASKING_REMINDER_DUE = { type: 'tasking.reminder-due', version: 1 } as const;
export const TASKING_OVERDUE = { type: 'tasking.overdue', version: 1 } as const;
export const TASKING_ESCALATED = { type: 'tasking.escalated', version: 1 } as const;

/** Where a tasking stands: what the board counts. */
export interface TaskingPosition {
  force: string;
  status: TaskingStatus;
  overdue: boolean;
}

/**
 * Every tasking event says where the tasking stood before (`previous`, null when issued) and
 * where it stands now, so a projection adds `count(now) − count(previous)`: a plain sum, the
 * same in any order. `seq` numbers the tasking's events (1, 2, …) so copies can be skipped.
 */
export interface TaskingEventV1 extends TaskingPosition {
  operationId: string;
  taskingId: string;
  seq: number;
  priority: TaskingPriority;
  dueAt: string;
  previous: TaskingPosition | null;
}

/** A new issue (first or after a reassignment) starts the deadlines of that issue. */
export interface TaskingIssueV1 extends TaskingEventV1 {
  issueSeq: number;
  issuedAt: string;
  acknowledgeWithinMinutes: number;
}

export interface TaskingIssuedV1 extends TaskingIssueV1 {
  action: string;
  lineId?: string;
}
export interface TaskingReassignedV1 extends TaskingIssueV1 {
  reason?: string;
}
export interface TaskingNoteV1 extends TaskingEventV1 {
  note?: string;
}
export interface TaskingCompletedV1 extends TaskingNoteV1 {
  outcomeIds: string[];
}
export interface TaskingReasonV1 extends TaskingEventV1 {
  reason?: string;
}
export interface TaskingDeadlineV1 extends TaskingEventV1 {
  issueSeq: number;
}
export interface TaskingEscalatedV1 extends TaskingDeadlineV1 {
  escalatedTo: 'nclcc';
}

const text = { type: 'string', minLength: 1 } as const;
const positive = positiveInteger;
const position = {
  force: { type: 'string', enum: FORCE_CODES },
  status: { type: 'string', enum: TASKING_STATUSES },
  overdue: { type: 'boolean' },
};

/** A tasking event's payload schema: the common fields plus the type's own. */
export const taskingEventSchema = positionedEventSchema({
  position,
  common: {
    operationId: uuid,
    taskingId: uuid,
    seq: positive,
    priority: { type: 'string', enum: TASKING_PRIORITIES },
    dueAt: dateTime,
  },
  required: [
    'operationId',
    'taskingId',
    'seq',
    'force',
    'status',
    'overdue',
    'priority',
    'dueAt',
    'previous',
  ],
});

export const TASKING_ISSUE_FIELDS = {
  issueSeq: positive,
  issuedAt: dateTime,
  acknowledgeWithinMinutes: positive,
};
export const TASKING_ISSUE_REQUIRED = ['issueSeq', 'issuedAt', 'acknowledgeWithinMinutes'];

/** One payload schema per tasking event type, version 1. */
export const TASKING_EVENT_SCHEMAS: [{ type: string; version: number }, object][] = [
  [
    TASKING_ISSUED,
    taskingEventSchema(TASKING_ISSUED, { ...TASKING_ISSUE_FIELDS, action: text, lineId: text }, [
      ...TASKING_ISSUE_REQUIRED,
      'action',
    ]),
  ],
  [TASKING_ACKNOWLEDGED, taskingEventSchema(TASKING_ACKNOWLEDGED, { note: text })],
  [TASKING_STARTED, taskingEventSchema(TASKING_STARTED, { note: text })],
  [
    TASKING_COMPLETED,
    taskingEventSchema(
      TASKING_COMPLETED,
      { note: text, outcomeIds: { type: 'array', items: uuid } },
      ['outcomeIds'],
    ),
  ],
  [TASKING_DECLINED, taskingEventSchema(TASKING_DECLINED, { reason: text }, ['reason'])],
  [TASKING_CANCELLED, taskingEventSchema(TASKING_CANCELLED, { reason: text })],
  [
    TASKING_REASSIGNED,
    taskingEventSchema(
      TASKING_REASSIGNED,
      { ...TASKING_ISSUE_FIELDS, reason: text },
      TASKING_ISSUE_REQUIRED,
    ),
  ],
  [
    TASKING_REMINDER_DUE,
    taskingEventSchema(TASKING_REMINDER_DUE, { issueSeq: positive }, ['issueSeq']),
  ],
  [TASKING_OVERDUE, taskingEventSchema(TASKING_OVERDUE, { issueSeq: positive }, ['issueSeq'])],
  [
    TASKING_ESCALATED,
    taskingEventSchema(TASKING_ESCALATED, { issueSeq: positive, escalatedTo: { const: 'nclcc' } }, [
      'issueSeq',
      'escalatedTo',
    ]),
  ],
];

export function isTaskingEvent(type: string): boolean {
  return type.startsWith('tasking.');
}
