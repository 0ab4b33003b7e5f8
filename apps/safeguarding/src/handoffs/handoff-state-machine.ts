import {
  HANDOFF_ACKNOWLEDGED,
  HANDOFF_CLOSED,
  HANDOFF_REDIRECTED,
  HandoffAction,
  HandoffStatus,
} from '@intensify/contracts';

interface Rule {
  from: readonly HandoffStatus[];
  to: HandoffStatus;
  event: { type: string; version: number };
}

/**
 * The legal actions: the home force acknowledges a raised hand-off and later closes it; a wrong
 * home force is corrected by a redirect, which hands it back to `raised` for the new force.
 */
export const HANDOFF_RULES: Record<HandoffAction, Rule> = {
  acknowledge: { from: ['raised'], to: 'acknowledged', event: HANDOFF_ACKNOWLEDGED },
  redirect: { from: ['raised', 'acknowledged'], to: 'raised', event: HANDOFF_REDIRECTED },
  close: { from: ['acknowledged'], to: 'closed', event: HANDOFF_CLOSED },
};

/** Where the action leads from `current`, or null when it is not allowed from there. */
export function nextStatus(current: HandoffStatus, action: HandoffAction): HandoffStatus | null {
  const rule = HANDOFF_RULES[action];
  return rule.from.includes(current) ? rule.to : null;
}
