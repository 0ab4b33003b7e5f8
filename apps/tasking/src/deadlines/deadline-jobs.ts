import { JobsOptions } from 'bullmq';
import { TaskingIssueV1 } from '@intensify/contracts';

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

/** The one place that decides how deadline jobs retry and how long finished ones are kept. */
export const DEADLINE_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 250 },
  // Kept for a week, so a redelivered event within that time finds the job and adds nothing.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

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
