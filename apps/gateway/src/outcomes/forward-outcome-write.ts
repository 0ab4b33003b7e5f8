import { Request, Response } from 'express';
import { validateOutcomeBody } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { authorize } from '../auth/forbid';
import { correlationIdOf } from '../upstream/correlation';
import { UpstreamClient } from '../upstream/upstream.client';
import { requireIdempotencyKey } from './idempotency-key';

export interface OutcomeWrite {
  path: string;
  body: unknown;
  rawKey: string | undefined;
  principal: Principal;
  req: Request;
  res: Response;
}

/**
 * A new outcome or a correction: role, Idempotency-Key and body are checked here; reporting
 * checks the scope against the outcome it holds and answers 202, or 200 for a replay.
 */
export async function forwardOutcomeWrite<T>(
  upstream: UpstreamClient,
  w: OutcomeWrite,
): Promise<T> {
  authorize(w.principal, 'outcome.write');
  const key = requireIdempotencyKey(w.rawKey);
  const outcome = validateOutcomeBody(w.body);
  if (!outcome.ok) throw ProblemError.validation(outcome.errors);
  authorize(w.principal, 'outcome.write', { force: outcome.value.force });
  const answer = await upstream.call<T>('reporting', 'POST', w.path, {
    body: outcome.value,
    actor: w.principal,
    correlationId: correlationIdOf(w.req),
    headers: { 'idempotency-key': key },
  });
  w.res.status(answer.status);
  return answer.body;
}
