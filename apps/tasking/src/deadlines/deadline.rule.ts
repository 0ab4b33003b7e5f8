import { isOpenTaskingStatus, TaskingStatus } from '@intensify/contracts';
import { DeadlineJob } from './deadline-jobs';

export interface DeadlineState {
  status: TaskingStatus;
  overdue: boolean;
  issueSeq: number;
  remindedIssueSeq: number | null;
}

export type DeadlineDecision = 'remind' | 'mark-overdue' | 'ignore' | 'not-yet-due';

/**
 * What a deadline job does when it runs, judged on the tasking as it is now. Anything already
 * done, or made moot by a later transition or issue, is ignored: running a job twice changes
 * nothing.
 */
export function decideDeadline(job: DeadlineJob, s: DeadlineState, now: Date): DeadlineDecision {
  if (s.issueSeq !== job.issueSeq) return 'ignore';
  if (now.getTime() < Date.parse(job.dueAt)) return 'not-yet-due';
  if (job.kind === 'reminder')
    return s.status === 'issued' && s.remindedIssueSeq !== job.issueSeq ? 'remind' : 'ignore';
  return isOpenTaskingStatus(s.status) && !s.overdue ? 'mark-overdue' : 'ignore';
}
