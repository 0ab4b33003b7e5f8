import { idempotencyKeyErrors } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

/** `Idempotency-Key` is required, as the contract says: 1–200 printable ASCII characters. */
export function requireIdempotencyKey(value: string | undefined): string {
  const errors = idempotencyKeyErrors(value);
  if (errors.length) throw ProblemError.validation(errors);
  return value!;
}
