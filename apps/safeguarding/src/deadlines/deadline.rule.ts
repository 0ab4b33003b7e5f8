import { HandoffStatus } from '@intensify/contracts';
import { DeadlineJob } from './deadline-jobs';

export interface DeadlineState {
  status: HandoffStatus;
  overdue: boolean;
  /** The deadline in force, by the `seq` of the event that started it. */
  deadlineSeq: number;
}

export type DeadlineDecision = 'mark-overdue' | 'ignore' | 'not-yet-due';

/**
 * What a deadline job does when it runs, judged on the hand-off as it is now: a hand-off still
 * raised, not yet overdue, for the same deadline, becomes overdue and is escalated. Anything
 * already done, or made moot by an acknowledgement or a redirect, is ignored: running a job twice
 * changes nothing.
 */
export function decideDeadline(job: DeadlineJob, s: DeadlineState, now: Date): DeadlineDecision {
  if (s.deadlineSeq !== job.deadlineSeq) return 'ignore';
  if (now.getTime() < Date.parse(job.dueAt)) return 'not-yet-due';
  return s.status === 'raised' && !s.overdue ? 'mark-overdue' : 'ignore';
}
