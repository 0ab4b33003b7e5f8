import { PERSONAL_DETAILS } from '../handoffs/handoff-changes';

const DAY_MS = 86_400_000;

/** Hand-offs closed before this instant have kept their subject long enough. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

export interface RetentionState {
  closedAt: Date | null;
  subjectErasedAt: Date | null;
}

/** Only a closed hand-off, past its period and not yet erased, loses its subject. */
export function dueForErasure(h: RetentionState, now: Date, retentionDays: number): boolean {
  return (
    h.closedAt !== null &&
    h.subjectErasedAt === null &&
    h.closedAt.getTime() < retentionCutoff(now, retentionDays).getTime()
  );
}

/** A history entry's details once erased: what it says happened stays, who and why goes. */
export function erasedDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([k]) => !(PERSONAL_DETAILS as readonly string[]).includes(k)),
  );
}
