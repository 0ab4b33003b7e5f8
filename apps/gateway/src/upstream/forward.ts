import { Request, Response } from 'express';
import { AnswerOf, AsSent, InternalRoute } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { correlationIdOf } from './correlation';
import { InternalCall, InternalCallArgs, UpstreamClient } from './upstream.client';

/** Who asks, on which request; a given `res` answers with the owner's status (200, 201, 202). */
export interface Caller {
  p: Principal;
  req: Request;
  res?: Response;
}

/** The route's params, body and query, with the caller in place of actor and correlation id. */
export type ForwardCall<R> = Omit<InternalCall<R>, 'actor' | 'correlationId'> & Caller;

/**
 * Calls the owning service on behalf of the caller, under the request's correlation id; the
 * owner applies the scope policy to what it holds, and its problems pass on as they are.
 */
export async function forward<R extends InternalRoute>(
  upstream: UpstreamClient,
  route: R,
  { p, req, res, ...call }: ForwardCall<R>,
): Promise<AnswerOf<R>> {
  const sent = { ...call, actor: p, correlationId: correlationIdOf(req) };
  const answer = await upstream.send(route, ...([sent] as InternalCallArgs<R>));
  res?.status(answer.status);
  return answer.body;
}

/** The request's query string as the client sent it, for the owner to validate. */
export function queryAsSent(req: Request): AsSent<string> {
  const at = req.url.indexOf('?');
  return new AsSent(at < 0 ? '' : req.url.slice(at + 1));
}

/** The request's body as the client sent it (none is `{}`), for the owner to validate. */
export function bodyAsSent(body: unknown): AsSent<unknown> {
  return new AsSent(body ?? {});
}
