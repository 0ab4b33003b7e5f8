import { Outcome, validateOutcomeBody } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { authorize } from '../auth/forbid';
import { Caller } from '../upstream/forward';
import { requireIdempotencyKey } from './idempotency-key';

/**
 * A new outcome or a correction: role, the request's Idempotency-Key and body are checked here;
 * reporting checks the scope against the outcome it holds and answers 202, or 200 for a replay.
 */
export function checkOutcomeWrite(
  { p, req }: Caller,
  body: unknown,
): { body: Outcome; idempotencyKey: string } {
  authorize(p, 'outcome.write');
  const idempotencyKey = requireIdempotencyKey(req.header('idempotency-key'));
  const outcome = validateOutcomeBody(body);
  if (!outcome.ok) throw ProblemError.validation(outcome.errors);
  authorize(p, 'outcome.write', { force: outcome.value.force });
  return { body: outcome.value, idempotencyKey };
}
