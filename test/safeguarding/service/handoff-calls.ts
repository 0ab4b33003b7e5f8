import { randomBytes, randomUUID } from 'node:crypto';
import { Actor, HandoffAction } from '@intensify/contracts';
import { waitFor } from '@intensify/testing';
import { ApiAnswer } from '../../support/api';
import { callInternal, credentialFor } from '../../support/internal-call';

/** The service's internal routes called directly, as the gateway calls them, for an actor. */
export const LEICESTERSHIRE = 'E23000021';
export const MET = 'E23000001';
export const MERSEYSIDE = 'E23000004';
export const BTP = 'BTP';

export const NCLCC: Actor = { sub: 'nclcc-safeguarding', role: 'nclcc' };
export const forceUser = (force: string): Actor => ({ sub: `lead-${force}`, role: 'force', force });
export const regional = (region: string): Actor => ({
  sub: `rc-${region}`,
  role: 'regional',
  region,
});
export const COMMANDER: Actor = { sub: 'commander', role: 'commander' };

/** A subject reference of this test only: hand-offs of other tests never share it. */
export function freshSubject(): string {
  return `SG-${randomBytes(3).toString('hex').toUpperCase()}-X1`;
}

export const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/**
 * A vulnerable adult from London found in Leicestershire just now: 72 scaled hours (18 s) before
 * it goes overdue, so tests that are not about deadlines finish well within them.
 */
export function handoffBody(extra: object = {}) {
  return {
    foundForce: LEICESTERSHIRE,
    homeForce: MET,
    subjectRef: freshSubject(),
    ageGroup: 'adult',
    concerns: ['criminal-exploitation', 'missing'],
    foundAt: new Date(Date.now() - 1000).toISOString(),
    ...extra,
  };
}

async function call<T = any>(
  actor: Actor,
  method: 'GET' | 'POST',
  path: string,
  o: { body?: unknown; key?: string | null } = {},
): Promise<ApiAnswer<T>> {
  const key = o.key === undefined ? randomUUID() : o.key;
  return callInternal<T>('safeguarding', method, path, {
    credential: await credentialFor('safeguarding', actor),
    body: o.body,
    headers: method === 'POST' && key !== null ? { 'idempotency-key': key } : {},
  });
}

export const raise = (body: unknown, actor: Actor = NCLCC, key?: string | null) =>
  call(actor, 'POST', '/internal/handoffs', { body, key });

export const act = (
  id: string,
  action: HandoffAction | string,
  body: unknown,
  actor: Actor = NCLCC,
  key?: string | null,
) => call(actor, 'POST', `/internal/handoffs/${id}/${action}`, { body, key });

export const getHandoff = (id: string, actor: Actor = NCLCC) =>
  call(actor, 'GET', `/internal/handoffs/${id}`);

export const listHandoffs = (query: Record<string, string>, actor: Actor = NCLCC) =>
  call(actor, 'GET', `/internal/handoffs?${new URLSearchParams(query)}`);

export const auditOf = (handoffId: string) =>
  call(NCLCC, 'GET', `/internal/safeguarding/audit?subjectId=${handoffId}&limit=500`);

/** A raised hand-off, checked: 201. */
export async function raised(extra: object = {}, actor: Actor = NCLCC) {
  const res = await raise(handoffBody(extra), actor);
  if (res.status !== 201) throw new Error(`raise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the hand-off satisfies `done`, reading it as the NCLCC. */
export function handoffWhen(
  id: string,
  done: (h: any) => boolean,
  what: string,
  timeoutMs = 30_000,
) {
  return waitFor(async () => (await getHandoff(id)).body, done, {
    timeoutMs,
    intervalMs: 100,
    what: `hand-off ${id}: ${what}`,
  });
}

/** The service's own health, read with a credential (the gateway's may not include it). */
export async function safeguardingHealthy(): Promise<void> {
  await waitFor(
    async () =>
      (
        await callInternal('safeguarding', 'GET', '/internal/health', {
          credential: await credentialFor('safeguarding', NCLCC),
        })
      ).status,
    (s) => s === 200,
    { timeoutMs: 90_000, intervalMs: 250, what: 'the safeguarding service to be healthy' },
  );
}

/** How many entries of each action the hand-off's history holds. */
export function actionCounts(h: { history: { action: string }[] }): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of h.history) counts[e.action] = (counts[e.action] ?? 0) + 1;
  return counts;
}
