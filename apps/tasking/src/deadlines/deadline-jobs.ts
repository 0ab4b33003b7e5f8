import { TaskingIssueV1 } from '@intensify/contracts';
import { DeadlineKey } from '@intensify/messaging';

/** Queue of the deadlines; its Redis keys carry the environment's `REDIS_PREFIX`. */
export const DEADLINE_QUEUE = 'tasking-deadlines';

export type DeadlineKind = 'reminder' | 'overdue';

export interface DeadlineJob {
  kind: DeadlineKind;
  taskingId: string;
  /** The issue the deadline belongs to; a reassignment starts a new issue with its own. */
  issueSeq: number;
  /** When the deadline passes. */
  dueAt: string;
}

/** One job per deadline of an issue: adding it again (a redelivered event) is a no-op. */
export function deadlineJobId(job: Pick<DeadlineJob, 'kind' | 'taskingId' | 'issueSeq'>): string {
  return `${job.kind}:${job.taskingId}:${job.issueSeq}`;
}

/** How the queue names, identifies and delays a deadline job. */
export function deadlineKey(job: DeadlineJob): DeadlineKey {
  return { name: job.kind, id: deadlineJobId(job), dueAt: job.dueAt };
}

/**
 * The deadlines an issue starts: a reminder when it is not acknowledged within its window
 * (scaled by the service's minute length) and the overdue check at its due time.
 */
export function deadlinesOf(issue: TaskingIssueV1, minuteMs: number): DeadlineJob[] {
  const acknowledgeBy = Date.parse(issue.issuedAt) + issue.acknowledgeWithinMinutes * minuteMs;
  const common = { taskingId: issue.taskingId, issueSeq: issue.issueSeq };
  return [
    { kind: 'reminder', ...common, dueAt: new Date(acknowledgeBy).toISOString() },
    { kind: 'overdue', ...common, dueAt: issue.dueAt },
  ];
}
