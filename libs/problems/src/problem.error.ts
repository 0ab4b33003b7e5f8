import { ErrorCode, FieldError, Problem } from '@intensify/contracts';

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  unauthorized: 'Authentication required',
  unauthenticated: 'A valid service credential is required',
  forbidden_scope: 'Not allowed in your role or scope',
  not_found: 'Not found',
  idempotency_conflict: 'Idempotency key already used for a different request',
  operation_closed: 'The operation is closed',
  outcome_retracted: 'The outcome was retracted',
  illegal_transition: 'Not allowed from the current state (of the tasking or hand-off)',
  purpose_required: 'Say why you read person-level data (X-Purpose)',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  conflict: 'Conflict',
  service_unavailable: 'Service unavailable',
  internal_error: 'Internal error',
};

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  unauthenticated: 401,
  forbidden_scope: 403,
  not_found: 404,
  idempotency_conflict: 409,
  operation_closed: 409,
  outcome_retracted: 409,
  illegal_transition: 409,
  purpose_required: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  conflict: 409,
  service_unavailable: 503,
  internal_error: 500,
};

/** The one error type services throw; the edge turns it into `application/problem+json`. */
export class ProblemError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly status: number = STATUS[code],
  ) {
    super(detail);
  }

  static validation(errors: FieldError[], detail?: string): ProblemError {
    const fields = [...new Set(errors.map((e) => e.field))].join(', ');
    return new ProblemError('validation_failed', detail ?? `Invalid fields: ${fields}`, errors);
  }

  toProblem(): Problem {
    return {
      type: `https://intensify.example/problems/${this.code.replace(/_/g, '-')}`,
      title: TITLES[this.code],
      status: this.status,
      detail: this.detail,
      code: this.code,
      errors: this.errors,
    };
  }

  /** Rebuilds an error from a problem another service answered with, keeping its status. */
  static fromProblem(p: Problem): ProblemError {
    return new ProblemError(p.code, p.detail, p.errors ?? [], p.status);
  }
}
