import { FORCE_CODES } from '@intensify/reference-data';
import { FieldError, Validated, checkSchema } from '../../validation';

export const LINE_STATUSES = ['active', 'dormant', 'closed'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** Type 1: holder arrested and charged, number out of use; type 2: number or SIM deactivated. */
export const CLOSURE_TYPES = ['type1', 'type2'] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];

export const RISK_FACTORS = ['childrenExploited', 'weapons', 'violence', 'cuckooing'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export type RiskFactors = Record<RiskFactor, boolean>;

export const NUMBER_STATUSES = ['active', 'replaced', 'cut-off'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/**
 * A line holder is a pseudonymous reference, never a name or a date of birth: upper-case
 * letters, digits and hyphens, at least one digit, and nothing that reads as a date.
 */
export const HOLDER_REF_PATTERN = '^(?=[A-Z0-9-]*[0-9])[A-Z0-9][A-Z0-9-]{3,31}$';
const DATE_LIKE = /(\d{4}-\d{2}-\d{2})|(\d{2}-?\d{2}-?\d{4})|(\d{8})/;

export function holderRefError(ref: string): string | null {
  if (!new RegExp(HOLDER_REF_PATTERN).test(ref))
    return 'must be a pseudonymous reference (A-Z, 0-9, hyphens, 4-32 characters, with a digit), never a name';
  if (DATE_LIKE.test(ref)) return 'must not hold a date (no dates of birth)';
  return null;
}

/** UK mobile deal numbers as 07xxxxxxxxx; +44 7…, 0044 7… and spaces or dashes are accepted. */
export function normalizeNumber(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, '');
  const m = digits.match(/^(?:\+44|0044|44|0)(7\d{9})$/);
  return m ? `0${m[1]}` : null;
}

export const MAX_NUMBERS_PER_LINE = 50;
export const MAX_HOLDERS_PER_LINE = 20;

const brand = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;
const force = { type: 'string', enum: FORCE_CODES } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const number = { type: 'string', minLength: 1, maxLength: 30 } as const;
const riskFactors = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(RISK_FACTORS.map((r) => [r, { type: 'boolean' }])),
} as const;

const lineFields = {
  brand,
  exportingForce: force,
  importingForces: { type: 'array', maxItems: 44, uniqueItems: true, items: force },
  status: { type: 'string', enum: LINE_STATUSES },
  closureType: { type: 'string', enum: CLOSURE_TYPES },
  holderRefs: {
    type: 'array',
    maxItems: MAX_HOLDERS_PER_LINE,
    uniqueItems: true,
    items: { type: 'string', pattern: HOLDER_REF_PATTERN },
  },
  riskFactors,
  lastIntelligenceAt: dateTime,
} as const;

export const REGISTER_LINE_SCHEMA = {
  $id: 'register-line.v1',
  type: 'object',
  additionalProperties: false,
  required: ['brand', 'exportingForce'],
  properties: {
    ...lineFields,
    recordedBy: force,
    numbers: { type: 'array', maxItems: MAX_NUMBERS_PER_LINE, items: number },
  },
} as const;

export const UPDATE_LINE_SCHEMA = {
  $id: 'update-line.v1',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: lineFields,
} as const;

export const ADD_NUMBER_SCHEMA = {
  $id: 'add-line-number.v1',
  type: 'object',
  additionalProperties: false,
  required: ['number'],
  properties: { number, replaces: number, seenAt: dateTime },
} as const;

export interface LineInput {
  brand: string;
  exportingForce: string;
  importingForces: string[];
  status: LineStatus;
  closureType: ClosureType | null;
  holderRefs: string[];
  riskFactors: RiskFactors;
  lastIntelligenceAt: string | null;
}

export interface RegisterLineRequest extends LineInput {
  recordedBy?: string;
  numbers: string[];
}

export type UpdateLineRequest = Partial<LineInput>;

export interface AddNumberRequest {
  number: string;
  replaces?: string;
  seenAt?: string;
}

export interface DealNumber {
  number: string;
  status: NumberStatus;
  firstSeenAt: string;
  lastSeenAt: string;
  replacedBy?: string;
  replacedAt?: string;
  cutOffAt?: string;
}

export interface NumberHistoryEntry {
  number: string;
  event: 'seen' | 'replaced' | 'cut-off';
  at: string;
  details: Record<string, unknown>;
}

/** A line as the register shows it; holder references only on the detail (each read audited). */
export interface Line {
  id: string;
  brand: string;
  recordedBy: string;
  exportingForce: string;
  importingForces: string[];
  status: LineStatus;
  closureType: ClosureType | null;
  riskFactors: RiskFactors;
  lastIntelligenceAt: string | null;
  numbers: DealNumber[];
  holderCount: number;
  holderRefs?: string[];
  /** The reported outcome that closed the line, when a result closed it. */
  closedByOutcomeId?: string;
  createdAt: string;
  updatedAt: string;
  numberHistory?: NumberHistoryEntry[];
}

export const NO_RISK: RiskFactors = {
  childrenExploited: false,
  weapons: false,
  violence: false,
  cuckooing: false,
};

/** Closure type belongs to closed lines only, and a closed line needs one. */
export function closureErrors(status: LineStatus, closureType: ClosureType | null): FieldError[] {
  if (status === 'closed' && !closureType)
    return [{ field: 'closureType', message: 'is required when status is closed' }];
  if (status !== 'closed' && closureType)
    return [{ field: 'closureType', message: 'is only for closed lines' }];
  return [];
}

function holderErrors(refs: string[] | undefined): FieldError[] {
  return (refs ?? []).flatMap((r, i) => {
    const m = holderRefError(r);
    return m ? [{ field: `holderRefs.${i}`, message: m }] : [];
  });
}

export function validateRegisterLine(raw: unknown): Validated<RegisterLineRequest> {
  const errors = checkSchema(REGISTER_LINE_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  const r = raw as Partial<RegisterLineRequest>;
  const numbers: string[] = [];
  (r.numbers ?? []).forEach((n, i) => {
    const v = normalizeNumber(n);
    if (!v) errors.push({ field: `numbers.${i}`, message: 'must be a UK mobile number (07…)' });
    else if (!numbers.includes(v)) numbers.push(v);
  });
  const status = r.status ?? 'active';
  errors.push(...holderErrors(r.holderRefs), ...closureErrors(status, r.closureType ?? null));
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      brand: r.brand!.trim(),
      ...(r.recordedBy && { recordedBy: r.recordedBy }),
      exportingForce: r.exportingForce!,
      importingForces: [...(r.importingForces ?? [])].sort(),
      status,
      closureType: r.closureType ?? null,
      holderRefs: [...(r.holderRefs ?? [])].sort(),
      riskFactors: { ...NO_RISK, ...r.riskFactors },
      lastIntelligenceAt: r.lastIntelligenceAt
        ? new Date(r.lastIntelligenceAt).toISOString()
        : null,
      numbers,
    },
  };
}

export function validateUpdateLine(raw: unknown): Validated<UpdateLineRequest> {
  const errors = checkSchema(UPDATE_LINE_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  const r = { ...(raw as UpdateLineRequest) };
  errors.push(...holderErrors(r.holderRefs));
  if (errors.length) return { ok: false, errors };
  if (r.brand) r.brand = r.brand.trim();
  if (r.importingForces) r.importingForces = [...r.importingForces].sort();
  if (r.holderRefs) r.holderRefs = [...r.holderRefs].sort();
  if (r.lastIntelligenceAt) r.lastIntelligenceAt = new Date(r.lastIntelligenceAt).toISOString();
  return { ok: true, value: r };
}

export function validateAddNumber(raw: unknown): Validated<AddNumberRequest> {
  const errors = checkSchema(ADD_NUMBER_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  const r = raw as AddNumberRequest;
  const number = normalizeNumber(r.number);
  const replaces = r.replaces === undefined ? undefined : normalizeNumber(r.replaces);
  if (!number) errors.push({ field: 'number', message: 'must be a UK mobile number (07…)' });
  if (replaces === null)
    errors.push({ field: 'replaces', message: 'must be a UK mobile number (07…)' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      number: number!,
      ...(replaces && { replaces }),
      ...(r.seenAt && { seenAt: new Date(r.seenAt).toISOString() }),
    },
  };
}

/** The brand as lines are matched on: case and spacing do not make a new line. */
export function brandKey(brand: string): string {
  return brand.trim().replace(/\s+/g, ' ').toLowerCase();
}
