import { Outcome, validateOutcomeBody } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { authorize } from '../auth/forbid';
import { requireIdempotencyKey } from './idempotency-key';

/**
 * A new outcome or a correction: role, Idempotency-Key and body are checked here; reporting
 * checks the scope against the outcome it holds and answers 202, or 200 for a replay.
 */
export function checkOutcomeWrite(
  p: Principal,
  body: unknown,
  rawKey: string | undefined,
): { body: Outcome; idempotencyKey: string } {
  authorize(p, 'outcome.write');
  const idempotencyKey = requireIdempotencyKey(rawKey);
  const outcome = validateOutcomeBody(body);
  if (!outcome.ok) throw ProblemError.validation(outcome.errors);
  authorize(p, 'outcome.write', { force: outcome.value.force });
  return { body: outcome.value, idempotencyKey };
}
