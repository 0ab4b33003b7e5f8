import { Request } from 'express';
import { FieldError, idempotencyKeyErrors, isUuid, Validated } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

/**
 * A body that is not JSON was never parsed, and would be judged as if nothing were sent:
 * refuse it as what it is, 415, rather than as missing fields.
 */
export function requireJsonBody(req: Request): void {
  if (req.headers['content-length'] === '0') return;
  if (req.is(['application/json', 'application/*+json']) === false)
    throw new ProblemError(
      'unsupported_media_type',
      'Send the hand-off as Content-Type: application/json',
    );
}

/**
 * A hand-off write's `Idempotency-Key` and body, judged together so that one 400 names every
 * bad field, the key among them.
 */
export function checkWrite<T>(
  rawKey: string | undefined,
  body: Validated<T>,
): { idempotencyKey: string; value: T } {
  const errors: FieldError[] = [...idempotencyKeyErrors(rawKey), ...(body.ok ? [] : body.errors)];
  if (errors.length || !body.ok) throw ProblemError.validation(errors);
  return { idempotencyKey: rawKey!, value: body.value };
}

/** A hand-off id is a UUID: anything else names no hand-off. */
export function checkHandoffId(id: string): string {
  if (!isUuid(id)) throw new ProblemError('not_found', `No hand-off ${id}`);
  return id;
}
