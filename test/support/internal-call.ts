import { KeyObject } from 'node:crypto';
import { issueServiceCredential, readSigningKey } from '@intensify/auth';
import { Actor, InternalService } from '@intensify/contracts';
import { ApiAnswer } from './api';
import { runEnv } from './run-env';

/** The run's private key, which the gateway signs its internal calls with. */
export function runSigningKey(): KeyObject {
  return readSigningKey(runEnv().platformEnv.SERVICE_SIGNING_KEY);
}

/** A valid credential for `service`, signed with the run's key as a caller named `test`. */
export function credentialFor(service: InternalService, actor?: Actor): Promise<string> {
  return issueServiceCredential(runSigningKey(), { issuer: 'test', audience: service, actor });
}

export function serviceUrl(service: InternalService): string {
  return runEnv()[`${service}Url`];
}

/** Calls an internal service directly, with the given credential or none. */
export async function callInternal<T = any>(
  service: InternalService,
  method: string,
  path: string,
  opts: { credential?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.credential) headers.authorization = `Bearer ${opts.credential}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${serviceUrl(service)}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
