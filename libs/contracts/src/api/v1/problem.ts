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
  'purpose_required',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'conflict',
  'service_unavailable',
  'internal_error',
] as const;
/** Codes only the internal services answer with; the gateway never passes them on. */
export const INTERNAL_ERROR_CODES = ['unauthenticated'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | (typeof INTERNAL_ERROR_CODES)[number];

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
}
