import {
  OPEN_TASKING_STATUSES,
  TASKING_ACKNOWLEDGED,
  TASKING_CANCELLED,
  TASKING_COMPLETED,
  TASKING_DECLINED,
  TASKING_REASSIGNED,
  TASKING_STARTED,
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
  acknowledge: { from: ['issued'], to: 'acknowledged', event: TASKING_ACKNOWLEDGED },
  start: { from: ['acknowledged'], to: 'in-progress', event: TASKING_STARTED },
  complete: { from: ['in-progress'], to: 'completed', event: TASKING_COMPLETED },
  decline: { from: ['issued', 'acknowledged'], to: 'declined', event: TASKING_DECLINED },
  cancel: { from: OPEN_TASKING_STATUSES, to: 'cancelled', event: TASKING_CANCELLED },
  reassign: { from: OPEN_TASKING_STATUSES, to: 'issued', event: TASKING_REASSIGNED },
};

/** Where the transition leads from `current`, or null when it is not allowed from there. */
export function nextStatus(
  current: TaskingStatus,
  transition: TaskingTransition,
): TaskingStatus | null {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(current) ? rule.to : null;
}
