import { randomUUID } from 'node:crypto';
import { api, tokenFor } from './api';

export interface Sent {
  key: string;
  count: number;
  status: number;
  id?: string;
  attempts: number;
}

/**
 * Reports as a well-behaved regional tool does: on a 5xx or a dropped connection it retries
 * with the same Idempotency-Key until it gets an answer, so nothing is lost or counted twice.
 */
export async function reportWithRetries(
  operationId: string,
  body: { count: number } & object,
  deadlineMs = 60_000,
): Promise<Sent> {
  const key = randomUUID();
  const token = await tokenFor({ role: 'nclcc' });
  const until = Date.now() + deadlineMs;
  for (let attempts = 1; ; attempts++) {
    try {
      const res = await api('POST', `/api/v1/operations/${operationId}/outcomes`, {
        token,
        body,
        headers: { 'idempotency-key': key },
      });
      if (res.status < 500)
        return { key, count: body.count, status: res.status, id: res.body?.id, attempts };
    } catch {
      // connection refused or reset: the same request goes again
    }
    if (Date.now() > until) throw new Error(`no answer for ${key} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 100 * Math.min(attempts, 10)));
  }
}

/** Sends `total` arrests with `concurrency` in flight, calling `midway` once `at` have been answered. */
export async function reportStream(
  operationId: string,
  total: number,
  concurrency: number,
  force: string,
  occurredAt: string,
  midway: { at: number; run: () => Promise<void> },
): Promise<{ sent: Sent[]; midwayDone: Promise<void> }> {
  const sent: Sent[] = [];
  let next = 0;
  let midwayDone: Promise<void> = Promise.resolve();
  let triggered = false;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const s = await reportWithRetries(operationId, {
        type: 'arrest',
        force,
        occurredAt,
        count: 1 + (i % 3),
      } as never);
      sent.push(s);
      if (!triggered && sent.length >= midway.at) {
        triggered = true;
        midwayDone = midway.run();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sent, midwayDone };
}
