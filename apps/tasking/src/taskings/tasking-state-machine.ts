import {
  OPEN_TASKING_STATUSES,
  TASKING_ACKNOWLEDGED_V2,
  TASKING_CANCELLED_V2,
  TASKING_COMPLETED_V2,
  TASKING_DECLINED_V2,
  TASKING_REASSIGNED_V2,
  TASKING_STARTED_V2,
  TaskingStatus,
  TaskingTransition,
} from '@intensify/contracts';

interface Rule {
  from: readonly TaskingStatus[];
  to: TaskingStatus;
  event: { type: string; version: number };
}

/**
 * The legal transitions: issued → acknowledged → in-progress → completed; a force may decline
 * before it starts; the issuer may cancel or reassign (back to issued) while the tasking is open.
 */
export const TRANSITIONS: Record<TaskingTransition, Rule> = {
  acknowledge: { from: ['issued'], to: 'acknowledged', event: TASKING_ACKNOWLEDGED_V2 },
  start: { from: ['acknowledged'], to: 'in-progress', event: TASKING_STARTED_V2 },
  complete: { from: ['in-progress'], to: 'completed', event: TASKING_COMPLETED_V2 },
  decline: { from: ['issued', 'acknowledged'], to: 'declined', event: TASKING_DECLINED_V2 },
  cancel: { from: OPEN_TASKING_STATUSES, to: 'cancelled', event: TASKING_CANCELLED_V2 },
  reassign: { from: OPEN_TASKING_STATUSES, to: 'issued', event: TASKING_REASSIGNED_V2 },
};

/** Where the transition leads from `current`, or null when it is not allowed from there. */
export function nextStatus(
  current: TaskingStatus,
  transition: TaskingTransition,
): TaskingStatus | null {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(current) ? rule.to : null;
}
