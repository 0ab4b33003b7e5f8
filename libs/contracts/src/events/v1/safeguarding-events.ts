import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';
import {
  AGE_GROUPS,
  AgeGroup,
  HANDOFF_CONCERNS,
  HANDOFF_OUTCOMES,
  HANDOFF_STATUSES,
  HandoffConcern,
  HandoffOutcome,
  HandoffStatus,
} from '../../api/v1/handoff';
import { dateTime, positionedEventSchema, positiveInteger, uuid } from './positioned-event-schema';

/**
 * Hand-off events on `safeguarding.v1`. The topic is kept for ever and cannot be erased, so
 * events carry no person: no subject reference, no owner, no note or reason. Those live in the
 * safeguarding service's rows, where retention can erase them. What is left is what the board
 * counts and the deadlines need.
 */
export const HANDOFF_RAISED = { type: 'handoff.raised', version: 1 } as const;
export const HANDOFF_ACKNOWLEDGED = { type: 'handoff.acknowledged', version: 1 } as const;
export const HANDOFF_REDIRECTED = { type: 'handoff.redirected', version: 1 } as const;
export const HANDOFF_CLOSED = { type: 'handoff.closed', version: 1 } as const;
export const HANDOFF_OVERDUE = { type: 'handoff.overdue', version: 1 } as const;
/** The subject reference was erased after retention: counts stay, nothing else changes. */
export const HANDOFF_SUBJECT_ERASED = { type: 'handoff.subject-erased', version: 1 } as const;

/** Where a hand-off stands: what the board counts, at the home force. */
export interface HandoffPosition {
  homeForce: string;
  status: HandoffStatus;
  overdue: boolean;
}

/**
 * Like tasking events, every hand-off event says where it stood before (`previous`, null when
 * raised) and where it stands now, so a projection adds `count(now) − count(previous)`. `seq`
 * numbers the hand-off's events (1, 2, …) so a copy is skipped.
 */
export interface HandoffEventV1 extends HandoffPosition {
  handoffId: string;
  operationId: string | null;
  seq: number;
  foundForce: string;
  ageGroup: AgeGroup;
  /** The deadline in force after this event (a redirect starts a new one). */
  acknowledgeBy: string;
  previous: HandoffPosition | null;
}

export interface HandoffRaisedV1 extends HandoffEventV1 {
  concerns: HandoffConcern[];
  foundAt: string;
}
export type HandoffAcknowledgedV1 = HandoffEventV1;
export type HandoffRedirectedV1 = HandoffEventV1;
export interface HandoffClosedV1 extends HandoffEventV1 {
  outcome: HandoffOutcome;
}
export interface HandoffOverdueV1 extends HandoffEventV1 {
  escalatedAt: string;
  /** The home force's region (none for BTP) and the NCLCC. */
  escalatedTo: string[];
}
export type HandoffSubjectErasedV1 = HandoffEventV1;

const force = { type: 'string', enum: FORCE_CODES } as const;
const position = {
  homeForce: force,
  status: { type: 'string', enum: HANDOFF_STATUSES },
  overdue: { type: 'boolean' },
};

/** A hand-off event's payload schema: the common fields plus the type's own. */
const handoffEventSchema = positionedEventSchema({
  position,
  common: {
    handoffId: uuid,
    operationId: { oneOf: [{ type: 'null' }, uuid] },
    seq: positiveInteger,
    foundForce: force,
    ageGroup: { type: 'string', enum: AGE_GROUPS },
    acknowledgeBy: dateTime,
  },
  required: [
    'handoffId',
    'operationId',
    'seq',
    'foundForce',
    'ageGroup',
    'acknowledgeBy',
    'previous',
    'homeForce',
    'status',
    'overdue',
  ],
});

export const HANDOFF_EVENT_SCHEMAS: [{ type: string; version: number }, object][] = [
  [
    HANDOFF_RAISED,
    handoffEventSchema(
      HANDOFF_RAISED,
      {
        concerns: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', enum: HANDOFF_CONCERNS },
        },
        foundAt: dateTime,
      },
      ['concerns', 'foundAt'],
    ),
  ],
  [HANDOFF_ACKNOWLEDGED, handoffEventSchema(HANDOFF_ACKNOWLEDGED)],
  [HANDOFF_REDIRECTED, handoffEventSchema(HANDOFF_REDIRECTED)],
  [
    HANDOFF_CLOSED,
    handoffEventSchema(HANDOFF_CLOSED, { outcome: { type: 'string', enum: HANDOFF_OUTCOMES } }, [
      'outcome',
    ]),
  ],
  [
    HANDOFF_OVERDUE,
    handoffEventSchema(
      HANDOFF_OVERDUE,
      {
        escalatedAt: dateTime,
        escalatedTo: {
          type: 'array',
          minItems: 1,
          items: { type: 'string', enum: [...REGION_CODES, 'nclcc'] },
        },
      },
      ['escalatedAt', 'escalatedTo'],
    ),
  ],
  [HANDOFF_SUBJECT_ERASED, handoffEventSchema(HANDOFF_SUBJECT_ERASED)],
];

export function isHandoffEvent(type: string): boolean {
  return type.startsWith('handoff.');
}
