import { HandoffEventV1 } from '@intensify/contracts';
import { DeadlineKey } from '@intensify/messaging';

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

/** How the queue names, identifies and delays a deadline job. */
export function deadlineKey(job: DeadlineJob): DeadlineKey {
  return { name: 'acknowledge', id: deadlineJobId(job), dueAt: job.dueAt };
}

/** The deadline a raise or redirect event starts: its `acknowledgeBy`, numbered by its `seq`. */
export function deadlineOf(event: HandoffEventV1): DeadlineJob {
  return { handoffId: event.handoffId, deadlineSeq: event.seq, dueAt: event.acknowledgeBy };
}
