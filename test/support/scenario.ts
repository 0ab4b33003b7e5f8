import { randomUUID } from 'node:crypto';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from './api';

export const MET = 'E23000001';
export const MERSEYSIDE = 'E23000004';
export const GREATER_MANCHESTER = 'E23000005';
export const NORTH_WALES = 'W15000001';
export const WEST_MIDLANDS = 'E23000014';

/** A week running now: started two days ago, ends in five. */
export async function createActiveWeek(
  name = 'Test week',
): Promise<{ id: string; startsAt: string; endsAt: string }> {
  const now = Date.now();
  const res = await api('POST', '/api/v1/operations', {
    token: await tokenFor({ role: 'nclcc' }),
    body: {
      name,
      startsAt: new Date(now - 2 * 86_400_000).toISOString(),
      endsAt: new Date(now + 5 * 86_400_000).toISOString(),
      focusForces: [MERSEYSIDE],
    },
  });
  if (res.status !== 201)
    throw new Error(`create operation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function hoursAgo(h: number): string {
  return new Date(Date.now() - h * 3_600_000).toISOString();
}

export async function report(
  operationId: string,
  body: object,
  opts: { token?: string; key?: string } = {},
) {
  return api('POST', `/api/v1/operations/${operationId}/outcomes`, {
    token: opts.token ?? (await tokenFor({ role: 'nclcc' })),
    body,
    headers: { 'idempotency-key': opts.key ?? randomUUID() },
  });
}

export async function board(operationId: string, token?: string) {
  const res = await api('GET', `/api/v1/operations/${operationId}/board`, {
    token: token ?? (await tokenFor({ role: 'nclcc' })),
  });
  if (res.status !== 200) throw new Error(`board: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until the projection has applied exactly `events` events for the operation. */
export async function boardAfter(operationId: string, events: number) {
  return waitFor(
    () => board(operationId),
    (b) => b.eventsApplied >= events,
    {
      timeoutMs: 20_000,
      what: `${events} events applied to board ${operationId}`,
    },
  );
}
