import { LIMITS } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

const PRINTABLE = /^[\x20-\x7e]+$/;

/** `Idempotency-Key` is required: 1–200 printable ASCII characters. */
export function requireIdempotencyKey(value: string | undefined): string {
  const field = 'Idempotency-Key';
  if (value === undefined || value === '')
    throw ProblemError.validation([{ field, message: 'is required' }]);
  if (value.length > LIMITS.idempotencyKeyLength) {
    throw ProblemError.validation([
      { field, message: `must be at most ${LIMITS.idempotencyKeyLength} characters` },
    ]);
  }
  if (!PRINTABLE.test(value))
    throw ProblemError.validation([{ field, message: 'must be printable characters' }]);
  return value;
}
