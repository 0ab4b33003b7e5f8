import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { waitFor } from '@intensify/testing';
import {
  DEADLINE_QUEUE,
  DeadlineJob,
} from '../../../apps/safeguarding/src/deadlines/deadline-jobs';
import { runEnv } from '../../support/run-env';

/** The run's hand-off deadline queue, as the safeguarding service sees it (same Redis prefix). */
export function handoffDeadlines(): { queue: Queue<DeadlineJob>; close: () => Promise<void> } {
  const redis = new Redis(runEnv().redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<DeadlineJob>(DEADLINE_QUEUE, {
    connection: redis,
    prefix: runEnv().redisPrefix,
  });
  return {
    queue,
    close: async () => {
      await queue.close();
      redis.disconnect();
    },
  };
}

export const jobIdOf = (handoffId: string, deadlineSeq: number) =>
  `acknowledge:${handoffId}:${deadlineSeq}`;

/** Waits until the job has run to completion and answers it with its return value. */
export async function jobSettled(
  queue: Queue<DeadlineJob>,
  jobId: string,
): Promise<Job<DeadlineJob>> {
  await waitFor(
    async () => {
      const job = await queue.getJob(jobId);
      return job ? await job.getState() : 'missing';
    },
    (state) => state === 'completed',
    { timeoutMs: 40_000, intervalMs: 100, what: `deadline job ${jobId} to complete` },
  );
  // Read again: the copy fetched before its state may predate the return value.
  return (await queue.getJob(jobId))!;
}
