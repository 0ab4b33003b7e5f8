import { randomUUID } from 'node:crypto';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from './api';
import { board } from './scenario';

export interface Sent {
  key: string;
  count: number;
  status: number;
  id?: string;
  attempts: number;
  /** When the answer came (ms since the epoch): gaps between answers show an outage. */
  answeredAt: number;
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
        return {
          key,
          count: body.count,
          status: res.status,
          id: res.body?.id,
          attempts,
          answeredAt: Date.now(),
        };
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

/**
 * The promise the fault tests check: every request got a 2xx with its own outcome, and the
 * board holds each exactly once: as many events as outcomes, and arrests equal to their sum.
 */
export async function expectExactlyOnce(
  operationId: string,
  sent: Sent[],
  total: number,
): Promise<void> {
  expect(sent).toHaveLength(total);
  expect(sent.every((s) => s.status === 202 || s.status === 200)).toBe(true);
  expect(new Set(sent.map((s) => s.id)).size).toBe(total);
  const b = await waitFor(
    () => board(operationId),
    (x) => x.eventsApplied >= total,
    { timeoutMs: 90_000, intervalMs: 250, what: `all ${total} on the board` },
  );
  expect(b.eventsApplied).toBe(total);
  expect(b.national.arrests).toBe(sent.reduce((n, s) => n + s.count, 0));
}
