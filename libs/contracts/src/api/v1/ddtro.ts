import { Validated, checkSchema } from '../../validation';
import { normalizeNumber } from './line';

/** applied → granted → provider-actioned; applied → refused. */
export const DDTRO_STATUSES = ['applied', 'granted', 'provider-actioned', 'refused'] as const;
export type DdtroStatus = (typeof DDTRO_STATUSES)[number];

export const DDTRO_DECISIONS = ['grant', 'actioned', 'refuse'] as const;
export type DdtroDecision = (typeof DDTRO_DECISIONS)[number];

/** The provider must cut the number off within this many working days of the grant. */
export const PROVIDER_WORKING_DAYS = 5;
export const MAX_NUMBERS_PER_APPLICATION = 20;
/** Replacement alerts one batch application may name. */
export const MAX_ALERTS_PER_APPLICATION = 50;

export interface Ddtro {
  id: string;
  lineId: string;
  number: string;
  /** Orders applied for together (several numbers of one line) share a batch. */
  batchId: string;
  status: DdtroStatus;
  appliedAt: string;
  grantedAt?: string;
  actionedAt?: string;
  refusedAt?: string;
  refusalReason?: string;
  /** 5 working days after the grant: when the provider must have cut the number off. */
  providerDeadline?: string;
  providerOverdue: boolean;
  numberFirstSeenAt: string;
  /** The line's brand, on lists of orders. */
  brand?: string;
}

export interface DdtroStats {
  applied: number;
  granted: number;
  actioned: number;
  refused: number;
  providerOverdue: number;
  /** Median time from a number first seen to its order granted, over every granted order. */
  medianFirstSeenToGrantedHours: number | null;
  grantedSample: number;
}

const at = { type: 'string', format: 'date-time' } as const;

export const APPLY_DDTROS_SCHEMA = {
  $id: 'apply-ddtros.v1',
  type: 'object',
  additionalProperties: false,
  required: ['numbers'],
  properties: {
    numbers: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_NUMBERS_PER_APPLICATION,
      items: { type: 'string', minLength: 1, maxLength: 30 },
    },
    appliedAt: at,
  },
} as const;

/** Orders for the new numbers of several replacement alerts at once (NCLCC). */
export const REPLACEMENT_APPLICATIONS_SCHEMA = {
  $id: 'replacement-applications.v1',
  type: 'object',
  additionalProperties: false,
  required: ['alertIds'],
  properties: {
    alertIds: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_ALERTS_PER_APPLICATION,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
    },
  },
} as const;

export interface ReplacementApplicationsRequest {
  alertIds: string[];
}

/**
 * What became of one alert: `applied` (a new order, `ddtro`), `already-applied` (an order was
 * in hand for the number already, `ddtroId`), `not-applicable` (the number is no longer
 * active, `reason`) or `not-found` (no such alert in your scope).
 */
export const REPLACEMENT_APPLICATION_OUTCOMES = [
  'applied',
  'already-applied',
  'not-applicable',
  'not-found',
] as const;
export type ReplacementApplicationOutcome = (typeof REPLACEMENT_APPLICATION_OUTCOMES)[number];

export interface ReplacementApplicationResult {
  alertId: string;
  outcome: ReplacementApplicationOutcome;
  ddtro?: Ddtro;
  ddtroId?: string;
  reason?: string;
}

export interface ReplacementApplications {
  results: ReplacementApplicationResult[];
}

export function validateReplacementApplications(
  raw: unknown,
): Validated<ReplacementApplicationsRequest> {
  const errors = checkSchema(REPLACEMENT_APPLICATIONS_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  // The same alert named twice in two spellings is applied for once.
  const ids = (raw as ReplacementApplicationsRequest).alertIds.map((id) => id.toLowerCase());
  return { ok: true, value: { alertIds: [...new Set(ids)] } };
}

export const DDTRO_DECISION_SCHEMAS: Record<DdtroDecision, object> = {
  grant: decision('grant', {}),
  actioned: decision('actioned', {}),
  refuse: decision(
    'refuse',
    { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
    ['reason'],
  ),
};

function decision(name: string, extra: object, required: string[] = []): object {
  return {
    $id: `ddtro-${name}.v1`,
    type: 'object',
    additionalProperties: false,
    required,
    properties: { at, ...extra },
  };
}

export interface ApplyDdtrosRequest {
  numbers: string[];
  appliedAt?: string;
}

export interface DdtroDecisionInput {
  /** When the court or provider acted, if earlier than now (back-recording); never ahead of now. */
  at?: string;
  reason?: string;
}

export function validateApplyDdtros(raw: unknown): Validated<ApplyDdtrosRequest> {
  const errors = checkSchema(APPLY_DDTROS_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  const r = raw as ApplyDdtrosRequest;
  const numbers: string[] = [];
  r.numbers.forEach((n, i) => {
    const v = normalizeNumber(n);
    if (!v) errors.push({ field: `numbers.${i}`, message: 'must be a UK mobile number (07…)' });
    else if (numbers.includes(v))
      errors.push({ field: `numbers.${i}`, message: 'is listed twice' });
    else numbers.push(v);
  });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { numbers, ...(r.appliedAt && { appliedAt: new Date(r.appliedAt).toISOString() }) },
  };
}

export function validateDdtroDecision(
  decision: DdtroDecision,
  raw: unknown,
): Validated<DdtroDecisionInput> {
  const errors = checkSchema(DDTRO_DECISION_SCHEMAS[decision], raw ?? {});
  if (errors.length) return { ok: false, errors };
  const r = { ...((raw ?? {}) as DdtroDecisionInput) };
  if (r.at) r.at = new Date(r.at).toISOString();
  if (r.reason) r.reason = r.reason.trim();
  return { ok: true, value: r };
}
