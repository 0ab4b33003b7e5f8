import { Outcome, validateOutcomeBody } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { authorize } from '../auth/forbid';
import { LineReferences } from '../intelligence/line-references';
import { Caller } from '../upstream/forward';
import { requireIdempotencyKey } from './idempotency-key';

/**
 * A new outcome or a correction: role, the request's Idempotency-Key, body and its line
 * reference are checked here; reporting checks the scope against the outcome it holds and answers
 * 202, or 200 for a replay. Only a body that names a line pays for the register lookup.
 */
export async function checkOutcomeWrite(
  { p, req }: Caller,
  body: unknown,
  lines: LineReferences,
): Promise<{ body: Outcome; idempotencyKey: string }> {
  authorize(p, 'outcome.write');
  const idempotencyKey = requireIdempotencyKey(req.header('idempotency-key'));
  const outcome = validateOutcomeBody(body);
  if (!outcome.ok) throw ProblemError.validation(outcome.errors);
  authorize(p, 'outcome.write', { force: outcome.value.force });
  const { lineId } = outcome.value;
  const errors = lineId ? await lines.errors(p, [{ field: 'lineId', lineId }]) : [];
  if (errors.length) throw ProblemError.validation(errors);
  return { body: outcome.value, idempotencyKey };
}
