import { JobsOptions } from 'bullmq';
import { HandoffEventV1 } from '@intensify/contracts';

/** Queue of the acknowledgement deadlines; its Redis keys carry the environment's `REDIS_PREFIX`. */
export const DEADLINE_QUEUE = 'safeguarding-deadlines';

export interface DeadlineJob {
  handoffId: string;
  /** The `seq` of the event that started this deadline; a redirect starts a new one. */
  deadlineSeq: number;
  /** The hand-off's `acknowledgeBy`. */
  dueAt: string;
}

/** One job per deadline: adding it again (a redelivered event) is a no-op. */
export function deadlineJobId(job: Pick<DeadlineJob, 'handoffId' | 'deadlineSeq'>): string {
  return `acknowledge:${job.handoffId}:${job.deadlineSeq}`;
}

/** The one place that decides how deadline jobs retry and how long finished ones are kept. */
export const DEADLINE_JOB_OPTIONS: JobsOptions = {
  attempts: 20,
  backoff: { type: 'exponential', delay: 250 },
  // Kept for a week, so a redelivered event within that time finds the job and adds nothing.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** The deadline a raise or redirect event starts: its `acknowledgeBy`, numbered by its `seq`. */
export function deadlineOf(event: HandoffEventV1): DeadlineJob {
  return { handoffId: event.handoffId, deadlineSeq: event.seq, dueAt: event.acknowledgeBy };
}
