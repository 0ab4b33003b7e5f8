import { Agent } from 'undici';
import { conformanceErrors } from './openapi-conformance';
import { runEnv } from './run-env';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Who {
  sub?: string;
  role: 'nclcc' | 'regional' | 'force' | 'commander';
  region?: string;
  force?: string;
}

const tokens = new Map<string, string>();

/**
 * Connections of this client only, let go after 2 s idle: before the gateway's own 5 s, so a
 * request never goes out on a connection the gateway is closing.
 */
const connections = new Agent({ keepAliveTimeout: 2000, keepAliveMaxTimeout: 2000 });

/** Reads of person-level data say why; a regional tool sends its purpose the same way. */
export const TEST_PURPOSE = 'Integration test of the platform';

/** A thin client of the public API, as a regional tool would use it. */
export async function api<T = any>(
  method: string,
  path: string,
  opts: {
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    raw?: string;
    /** `X-Purpose` to send; null sends none. */
    purpose?: string | null;
  } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.purpose !== null) headers['x-purpose'] ??= opts.purpose ?? TEST_PURPOSE;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined || opts.raw !== undefined)
    headers['content-type'] ??= 'application/json';
  const res = await fetch(`${runEnv().gatewayUrl}${path}`, {
    method,
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    dispatcher: connections,
  } as RequestInit);
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  // Every answer must be one the OpenAPI document promises: clients are built from it.
  const errors = conformanceErrors(method, path, res.status, res.headers.get('content-type'), body);
  if (errors.length)
    throw new Error(`The answer does not match the OpenAPI document:\n${errors.join('\n')}`);
  return { status: res.status, body, headers: res.headers };
}

export async function tokenFor(who: Who): Promise<string> {
  const claims = { sub: who.sub ?? `${who.role}-${who.region ?? who.force ?? 'national'}`, ...who };
  const cacheKey = JSON.stringify(claims);
  const cached = tokens.get(cacheKey);
  if (cached) return cached;
  const res = await api<{ token: string }>('POST', '/api/v1/auth/dev-token', { body: claims });
  if (res.status !== 200)
    throw new Error(`dev-token failed: ${res.status} ${JSON.stringify(res.body)}`);
  tokens.set(cacheKey, res.body.token);
  return res.body.token;
}
