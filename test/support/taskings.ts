import { randomUUID } from 'node:crypto';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { waitFor } from '@intensify/testing';
import { DEADLINE_QUEUE, DeadlineJob } from '../../apps/tasking/src/deadlines/deadline-jobs';
import { api, tokenFor } from './api';
import { board } from './scenario';
import { runEnv } from './run-env';

export const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** A week running now (started a day ago, ends in five) with these focus forces. */
export async function focusWeek(name: string, focusForces: string[]): Promise<{ id: string }> {
  const now = Date.now();
  const res = await api('POST', '/api/v1/operations', {
    token: await tokenFor({ role: 'nclcc' }),
    body: {
      name,
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 5 * 86_400_000).toISOString(),
      focusForces,
    },
  });
  if (res.status !== 201) throw new Error(`create operation: ${res.status}`);
  return res.body;
}

export function taskingBody(force: string, extra: object = {}) {
  return {
    force,
    action: 'Arrest the line holder',
    priority: 'P2',
    dueAt: inSeconds(3600),
    ...extra,
  };
}

export async function issue(
  operationId: string,
  body: unknown,
  opts: { token?: string; key?: string } = {},
) {
  return api('POST', `/api/v1/operations/${operationId}/taskings`, {
    token: opts.token ?? (await tokenFor({ role: 'nclcc' })),
    body,
    headers: { 'idempotency-key': opts.key ?? randomUUID() },
  });
}

export async function transition(id: string, name: string, body: object = {}, token?: string) {
  return api('POST', `/api/v1/taskings/${id}/${name}`, {
    token: token ?? (await tokenFor({ role: 'nclcc' })),
    body,
  });
}

export async function tasking(id: string, token?: string) {
  const res = await api('GET', `/api/v1/taskings/${id}`, {
    token: token ?? (await tokenFor({ role: 'nclcc' })),
  });
  if (res.status !== 200) throw new Error(`tasking: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** How many events of each type the tasking's history holds. */
export function eventCounts(t: { history: { type: string }[] }): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of t.history) counts[h.type] = (counts[h.type] ?? 0) + 1;
  return counts;
}

export async function historyWith(id: string, type: string, timeoutMs = 20_000) {
  return waitFor(
    () => tasking(id),
    (t) => t.history.some((h: { type: string }) => h.type === type),
    { timeoutMs, intervalMs: 100, what: `${type} in the history of tasking ${id}` },
  );
}

/** Waits until the board's national tasking counts match. */
export async function boardWithTaskings(operationId: string, expected: object) {
  return waitFor(
    () => board(operationId),
    (b) => Object.entries(expected).every(([k, v]) => b.taskings[k] === v),
    { timeoutMs: 20_000, intervalMs: 100, what: `tasking counts ${JSON.stringify(expected)}` },
  );
}

/** The run's deadline queue, as the tasking service sees it (same Redis prefix). */
export function deadlineQueue(): { queue: Queue<DeadlineJob>; close: () => Promise<void> } {
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

export async function jobSettled(
  queue: Queue<DeadlineJob>,
  jobId: string,
): Promise<Job<DeadlineJob>> {
  return waitFor(
    async () => {
      const job = await queue.getJob(jobId);
      return { job, state: job ? await job.getState() : 'missing' };
    },
    ({ state }) => state === 'completed',
    { timeoutMs: 20_000, intervalMs: 100, what: `deadline job ${jobId} to complete` },
    // Read again: the copy fetched before its state may predate the return value.
  ).then(async () => (await queue.getJob(jobId))!);
}
