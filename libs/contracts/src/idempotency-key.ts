import { LIMITS } from './api/v1/outcome.schema';
import { FieldError } from './validation';

const PRINTABLE = /^[\x20-\x7e]+$/;

/** The contract's Idempotency-Key: 1–200 printable ASCII characters. `field` names it in errors. */
export function idempotencyKeyErrors(
  value: string | undefined,
  field = 'Idempotency-Key',
): FieldError[] {
  if (value === undefined || value === '') return [{ field, message: 'is required' }];
  if (value.length > LIMITS.idempotencyKeyLength)
    return [{ field, message: `must be at most ${LIMITS.idempotencyKeyLength} characters` }];
  if (!PRINTABLE.test(value)) return [{ field, message: 'must be printable characters' }];
  return [];
}
