import { FieldError } from '../../validation';

/** Stable machine-readable error codes of the public API. */
export const ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden_scope',
  'not_found',
  'idempotency_conflict',
  'operation_closed',
  'outcome_retracted',
  'illegal_transition',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'conflict',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
}
