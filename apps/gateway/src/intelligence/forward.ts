import { Request, Response } from 'express';
import { Principal } from '@intensify/auth';
import { correlationIdOf } from '../upstream/correlation';
import { UpstreamClient } from '../upstream/upstream.client';

/**
 * Forwards a request to the intelligence service as it came (query string included), with the
 * caller as actor; the service validates and applies the scope policy to the lines it holds.
 * The service's status (200, 201) is passed on.
 */
export async function toIntelligence<T>(
  upstream: UpstreamClient,
  method: string,
  path: string,
  p: Principal,
  req: Request,
  res?: Response,
  extra: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
  const answer = await upstream.call<T>('intelligence', method, `${path}${query}`, {
    actor: p,
    correlationId: correlationIdOf(req),
    ...extra,
  });
  res?.status(answer.status);
  return answer.body;
}
