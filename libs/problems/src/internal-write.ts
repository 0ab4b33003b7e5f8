import { PipeTransform } from '@nestjs/common';
import { Response } from 'express';
import { idempotencyKeyErrors, Validated } from '@intensify/contracts';
import { ProblemError } from './problem.error';

/**
 * A body or query read through one of the contract's validators, as in
 * `@Body(checkedBy(validateApplyDdtros)) request: ApplyDdtrosRequest`: a 400 naming each bad
 * field before the handler runs, else the validated value.
 */
export function checkedBy<In, T>(validate: (input: In) => Validated<T>): PipeTransform<In, T> {
  return {
    transform(input: In): T {
      const checked = validate(input);
      if (!checked.ok) throw ProblemError.validation(checked.errors);
      return checked.value;
    },
  };
}

/** The Idempotency-Key a write needs, or a 400 naming the header. */
export function requireIdempotencyKey(key: string | undefined): string {
  const errors = idempotencyKeyErrors(key);
  if (errors.length) throw ProblemError.validation(errors);
  return key!;
}

/** An idempotent write's answer: 200 when it replays an earlier request, else `firstStatus`. */
export function answerOnce<T>(
  res: Response,
  { replayed, body }: { replayed: boolean; body: T },
  firstStatus: 201 | 202,
): T {
  res.status(replayed ? 200 : firstStatus);
  return body;
}
