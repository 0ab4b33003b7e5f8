import {
  TASKING_ACKNOWLEDGED,
  TASKING_CANCELLED,
  TASKING_COMPLETED,
  TASKING_DECLINED,
  TASKING_ISSUE_FIELDS,
  TASKING_ISSUE_REQUIRED,
  TASKING_REASSIGNED,
  TASKING_STARTED,
  TaskingEventV1,
  TaskingIssueV1,
  taskingEventSchema,
} from '../v1/tasking-events';

/**
 * Version 2 of the tasking actions carries no note or reason: the tasking service keeps them
 * in the tasking's own rows and history (erasable there). Consumers read both versions.
 */
export const TASKING_ACKNOWLEDGED_V2 = { type: TASKING_ACKNOWLEDGED.type, version: 2 } as const;
export const TASKING_STARTED_V2 = { type: TASKING_STARTED.type, version: 2 } as const;
export const TASKING_COMPLETED_V2 = { type: TASKING_COMPLETED.type, version: 2 } as const;
export const TASKING_DECLINED_V2 = { type: TASKING_DECLINED.type, version: 2 } as const;
export const TASKING_CANCELLED_V2 = { type: TASKING_CANCELLED.type, version: 2 } as const;
export const TASKING_REASSIGNED_V2 = { type: TASKING_REASSIGNED.type, version: 2 } as const;

export type TaskingActionV2 = TaskingEventV1;
export interface TaskingCompletedV2 extends TaskingEventV1 {
  outcomeIds: string[];
}
export type TaskingReassignedV2 = TaskingIssueV1;

/** The free-text fields of a tasking action: kept by the service, never on the bus. */
export const TASKING_FREE_TEXT = ['note', 'reason'] as const;

const uuid = { type: 'string', format: 'uuid' } as const;

export const TASKING_EVENT_V2_SCHEMAS: [{ type: string; version: number }, object][] = [
  [TASKING_ACKNOWLEDGED_V2, taskingEventSchema(TASKING_ACKNOWLEDGED_V2)],
  [TASKING_STARTED_V2, taskingEventSchema(TASKING_STARTED_V2)],
  [
    TASKING_COMPLETED_V2,
    taskingEventSchema(TASKING_COMPLETED_V2, { outcomeIds: { type: 'array', items: uuid } }, [
      'outcomeIds',
    ]),
  ],
  [TASKING_DECLINED_V2, taskingEventSchema(TASKING_DECLINED_V2)],
  [TASKING_CANCELLED_V2, taskingEventSchema(TASKING_CANCELLED_V2)],
  [
    TASKING_REASSIGNED_V2,
    taskingEventSchema(TASKING_REASSIGNED_V2, TASKING_ISSUE_FIELDS, TASKING_ISSUE_REQUIRED),
  ],
];
