import { ReplacementApplicationResult } from '@intensify/contracts';

/** A replacement alert as a batch application finds it, under its row lock. */
export interface ReplacementCandidate {
  id: string;
  line_id: string;
  number: string;
  /** The order this alert already led to. */
  ddtro_id: string | null;
  /** The number's status on the line; null if the line no longer holds it. */
  number_status: string | null;
  first_seen_at: Date | null;
  /** An order in hand on the number however it was applied for (this desk or the line's). */
  open_order: string | null;
  writable: boolean;
}

/**
 * What to do with one alert: apply for an order on its number, or answer at once. Each alert
 * is applied once: one that led to an order, or whose number has an order in hand already,
 * answers `already-applied` with that order.
 */
export function judgeCandidate(
  alertId: string,
  c: ReplacementCandidate | undefined,
): ReplacementApplicationResult | 'apply' {
  if (!c || !c.writable) return { alertId, outcome: 'not-found' };
  const ddtroId = c.ddtro_id ?? c.open_order;
  if (ddtroId) return { alertId, outcome: 'already-applied', ddtroId };
  if (c.number_status !== 'active')
    return {
      alertId,
      outcome: 'not-applicable',
      reason: `the number is ${c.number_status ?? 'no longer on the line'}; orders are for active numbers`,
    };
  return 'apply';
}
