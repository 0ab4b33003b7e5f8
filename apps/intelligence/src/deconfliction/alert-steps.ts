import {
  DECONFLICTION_ACKNOWLEDGED,
  DECONFLICTION_HANDED,
  DECONFLICTION_RESOLVED,
  DeconflictionAction,
  DeconflictionStatus,
} from '@intensify/contracts';
import { Action } from '@intensify/auth';

interface AlertStep {
  /** The statuses the step may be taken from. */
  from: DeconflictionStatus[];
  /** The status it leads to; handing to a region keeps the status. */
  to: DeconflictionStatus | 'same';
  permission: Action;
  event: { type: string; version: number };
  /** The columns the step sets: `$3` is now, `$4` who, `$5` the step's value (note or region). */
  sets: string;
  past: string;
}

/** The one table of what may happen to a deconfliction alert. */
export const ALERT_STEPS: Record<DeconflictionAction, AlertStep> = {
  acknowledge: {
    from: ['open'],
    to: 'acknowledged',
    permission: 'deconfliction.act',
    event: DECONFLICTION_ACKNOWLEDGED,
    sets: 'acknowledged_at = $3, acknowledged_by = $4',
    past: 'acknowledged',
  },
  resolve: {
    from: ['acknowledged'],
    to: 'resolved',
    permission: 'deconfliction.act',
    event: DECONFLICTION_RESOLVED,
    sets: 'resolved_at = $3, resolved_by = $4, resolution_note = $5',
    past: 'resolved',
  },
  'hand-to-region': {
    from: ['open', 'acknowledged'],
    to: 'same',
    permission: 'deconfliction.hand',
    event: DECONFLICTION_HANDED,
    sets: 'handed_at = $3, handed_by = $4, handed_region = $5',
    past: 'handed to a region',
  },
};

/** The status after the step, or null when the alert's status forbids it. */
export function statusAfter(
  status: DeconflictionStatus,
  action: DeconflictionAction,
): DeconflictionStatus | null {
  const step = ALERT_STEPS[action];
  if (!step.from.includes(status)) return null;
  return step.to === 'same' ? status : step.to;
}
