import { randomBytes, randomUUID } from 'node:crypto';
import { api, ApiAnswer, tokenFor, Who } from './api';
import { runEnv } from './run-env';

/** Leicestershire finds a child from London: the example. */
export const LEICESTERSHIRE = 'E23000021';
export const MET = 'E23000001';
export const GREATER_MANCHESTER = 'E23000005';
export const MERSEYSIDE = 'E23000004';
export const BTP = 'BTP';

export const HANDOFF_PURPOSE = 'Safeguarding a child found away from home';

/** Who plays each part in a hand-off from Leicestershire (east-midlands) to the Met (london). */
export const PARTS = {
  nclcc: { role: 'nclcc', sub: 'sg-nclcc' },
  foundForce: { role: 'force', force: LEICESTERSHIRE, sub: 'sg-leicestershire' },
  homeForce: { role: 'force', force: MET, sub: 'sg-met' },
  foundRegion: { role: 'regional', region: 'east-midlands', sub: 'sg-east-midlands' },
  homeRegion: { role: 'regional', region: 'london', sub: 'sg-london' },
  otherForce: { role: 'force', force: MERSEYSIDE, sub: 'sg-merseyside' },
  otherRegion: { role: 'regional', region: 'north-west', sub: 'sg-north-west' },
  btp: { role: 'force', force: BTP, sub: 'sg-btp' },
  commander: { role: 'commander', sub: 'sg-commander' },
  regionalCommander: { role: 'commander', region: 'london', sub: 'sg-commander-london' },
} satisfies Record<string, Who>;

export type Part = keyof typeof PARTS;

export const tokenOf = (part: Part) => tokenFor(PARTS[part]);

/** A subject reference no other test uses. */
export function freshSubject(): string {
  return `SG-${randomBytes(3).toString('hex').toUpperCase()}-7`;
}

/**
 * A vulnerable adult from London found in Leicestershire a moment ago: 72 scaled hours before
 * it is overdue (18 s at the tests' `HANDOFF_HOUR_MS`), so flows finish well within them.
 */
export function handoffBody(extra: object = {}): Record<string, unknown> {
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

/** The length of an hour for hand-off deadlines in this run. */
export function handoffHourMs(): number {
  return Number(runEnv().platformEnv.HANDOFF_HOUR_MS ?? 3_600_000);
}

interface WriteOptions {
  token?: string;
  /** null sends no Idempotency-Key. */
  key?: string | null;
  purpose?: string | null;
}

function writeHeaders(o: WriteOptions): Record<string, string> {
  const key = o.key === undefined ? randomUUID() : o.key;
  return key === null ? {} : { 'idempotency-key': key };
}

/** Raises as the found force unless told otherwise; writes send no X-Purpose unless given. */
export async function raiseHandoff(body: unknown, o: WriteOptions = {}): Promise<ApiAnswer> {
  return api('POST', '/api/v1/handoffs', {
    token: o.token ?? (await tokenOf('foundForce')),
    body,
    headers: writeHeaders(o),
    purpose: o.purpose ?? null,
  });
}

/** A raised hand-off, checked: 201. */
export async function raised(extra: object = {}, token?: string): Promise<any> {
  const res = await raiseHandoff(handoffBody(extra), { token });
  if (res.status !== 201) throw new Error(`raise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Acts as the home force unless told otherwise. */
export async function actOn(
  id: string,
  action: string,
  body: unknown,
  o: WriteOptions = {},
): Promise<ApiAnswer> {
  return api('POST', `/api/v1/handoffs/${id}/${action}`, {
    token: o.token ?? (await tokenOf('homeForce')),
    body,
    headers: writeHeaders(o),
    purpose: o.purpose ?? null,
  });
}

/** An action that must succeed: 200 with the hand-off. */
export async function acted(id: string, action: string, body: unknown, token?: string) {
  const res = await actOn(id, action, body, { token });
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function readHandoff(id: string, token?: string, purpose = HANDOFF_PURPOSE) {
  return api('GET', `/api/v1/handoffs/${id}`, {
    token: token ?? (await tokenOf('nclcc')),
    purpose,
  });
}

export async function listHandoffs(query: Record<string, string>, token?: string) {
  return api('GET', `/api/v1/handoffs?${new URLSearchParams(query)}`, {
    token: token ?? (await tokenOf('nclcc')),
    purpose: HANDOFF_PURPOSE,
  });
}

/** Every page of a filtered list, as one viewer sees it. */
export async function everyHandoff(query: Record<string, string>, token?: string) {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res = await listHandoffs({ ...query, limit: '500', ...(cursor && { cursor }) }, token);
    if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

/** The stream's URL as a browser opens it: token and purpose in the query. */
export function handoffStreamUrl(
  token: string,
  o: { operationId?: string; purpose?: string | null } = {},
): string {
  const q = new URLSearchParams({ access_token: token });
  if (o.operationId) q.set('operationId', o.operationId);
  if (o.purpose !== null) q.set('purpose', o.purpose ?? HANDOFF_PURPOSE);
  return `${runEnv().gatewayUrl}/api/v1/handoffs/stream?${q}`;
}

/** The access log's entries naming a subject, as the NCLCC auditor reads them. */
export async function accessLogFor(subjectRef: string): Promise<any[]> {
  const res = await api('GET', `/api/v1/access-log?subjectRef=${subjectRef}&limit=500`, {
    token: await tokenFor({ role: 'nclcc', sub: 'sg-access-auditor' }),
    purpose: 'Audit of hand-off reads',
  });
  if (res.status !== 200) throw new Error(`access log: ${res.status}`);
  return res.body.items;
}
