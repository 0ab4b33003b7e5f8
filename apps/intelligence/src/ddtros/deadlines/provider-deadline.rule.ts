import { DdtroStatus } from '@intensify/contracts';

export interface ProviderDeadlineJob {
  ddtroId: string;
  deadline: string;
}

export type ProviderDeadlineDecision = 'mark-overdue' | 'ignore' | 'not-yet-due';

/**
 * What the deadline job does, judged on the order as it is now: only an order still granted
 * (not yet actioned by the provider) at its deadline is overdue, and only once.
 */
export function decideProviderDeadline(
  job: ProviderDeadlineJob,
  s: { status: DdtroStatus; overdue: boolean; deadline: Date | null },
  now: Date,
): ProviderDeadlineDecision {
  if (s.status !== 'granted' || s.overdue || !s.deadline) return 'ignore';
  if (s.deadline.toISOString() !== job.deadline) return 'ignore';
  return now.getTime() < s.deadline.getTime() ? 'not-yet-due' : 'mark-overdue';
}

export const PROVIDER_DEADLINE_QUEUE = 'intelligence-ddtro-deadlines';

export function providerDeadlineJobId(ddtroId: string): string {
  return `provider-deadline-${ddtroId}`; // BullMQ refuses ids of two colon-separated parts
}
