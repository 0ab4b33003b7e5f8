import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';
import { Validated, checkSchema, validateQueryParams } from '../../validation';
import { AlertActor, DECONFLICTION_STATUSES, DeconflictionStatus } from './deconfliction';
import { FocusForceOverride } from './focus-override';
import { LINE_STATUSES, LineStatus } from './line';

/** One factor of a line's harm score: what it saw, its weight and the points it gave. */
export interface HarmFactor {
  factor: string;
  value: number | boolean;
  weight: number;
  points: number;
  explanation: string;
}

export interface RankedLine {
  rank: number;
  lineId: string;
  brand: string;
  exportingForce: string;
  importingForces: string[];
  status: LineStatus;
  score: number;
  factors: HarmFactor[];
}

export interface LineRanking {
  asOf: string;
  method: string;
  items: RankedLine[];
}

export interface LineHolder {
  holderRef: string;
  linkedLines: number;
  activeLines: number;
  forces: string[];
  lines: { lineId: string; brand: string; status: LineStatus; exportingForce: string }[];
}

export const DECONFLICTION_KINDS = ['number', 'holder'] as const;
export type DeconflictionKind = (typeof DECONFLICTION_KINDS)[number];

/** A number or a holder reference found in lines recorded by more than one force. */
export interface DeconflictionAlert {
  id: string;
  kind: DeconflictionKind;
  value: string;
  forces: string[];
  regions: string[];
  lineIds: string[];
  raisedAt: string;
  updatedAt: string;
  status: DeconflictionStatus;
  /** The region the NCLCC handed the alert to, if any: its coordinator may act on it. */
  region: string | null;
  acknowledgedAt?: string;
  acknowledgedBy?: AlertActor;
  resolvedAt?: string;
  resolvedBy?: AlertActor;
  resolutionNote?: string;
  handedAt?: string;
  handedBy?: AlertActor;
}

/** A new number on a line with a DDTRO in hand: the dealers moved, the order must follow. */
export interface ReplacementAlert {
  id: string;
  lineId: string;
  number: string;
  ddtroIds: string[];
  raisedAt: string;
}

/** A replacement alert as the DDTRO desk lists it: where, and whether an order followed it. */
export interface ReplacementAlertItem extends ReplacementAlert {
  brand: string;
  recordedBy: string;
  /** The number's status on the line now (`active` until replaced or cut off). */
  numberStatus: string;
  /** The order applied for on the new number from this alert, or null while none. */
  appliedDdtroId: string | null;
}

export interface FocusLines {
  operationId: string;
  lineIds: string[];
  /** The forces the focus lines touch, then each force's latest override. */
  focusForces: string[];
  setAt: string;
  /** The forces the focus lines alone touch. */
  lineForces?: string[];
  /** Every override of the week's focus forces, newest first. */
  overrides?: FocusForceOverride[];
}

export const FOCUS_LINES_SCHEMA = {
  $id: 'set-focus-lines.v1',
  type: 'object',
  additionalProperties: false,
  required: ['lineIds'],
  properties: {
    lineIds: {
      type: 'array',
      maxItems: 200,
      uniqueItems: true,
      items: { type: 'string', format: 'uuid' },
    },
  },
} as const;

export function validateFocusLines(raw: unknown): Validated<{ lineIds: string[] }> {
  const errors = checkSchema(FOCUS_LINES_SCHEMA, raw);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { lineIds: [...(raw as { lineIds: string[] }).lineIds].sort() } };
}

const force = { type: 'string', enum: FORCE_CODES } as const;
const limit = { type: 'string', pattern: '^([1-9][0-9]?|[1-4][0-9]{2}|500)$' } as const;
const count = { type: 'string', pattern: '^[1-9][0-9]{0,2}$' } as const;

export const LINE_LIST_SCHEMA = {
  $id: 'line-list-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', maxLength: 100 },
    force,
    region: { type: 'string', enum: REGION_CODES },
    status: { type: 'string', enum: LINE_STATUSES },
    cursor: { type: 'string', minLength: 1, maxLength: 100 },
    limit,
  },
} as const;

export interface LineListQuery {
  q?: string;
  force?: string;
  region?: string;
  status?: LineStatus;
  cursor?: string;
  limit?: string;
}

export const RANKING_SCHEMA = {
  $id: 'line-ranking-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    asOf: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: LINE_STATUSES },
    force,
    limit,
  },
} as const;

export interface RankingQuery {
  asOf?: string;
  status?: LineStatus;
  force?: string;
  limit?: string;
}

/** `linkedLines>=2` arrives as the parameter `linkedLines>` with the value `2`. */
export const HOLDERS_SCHEMA = {
  $id: 'line-holders-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: { linkedLines: count, 'linkedLines>': count, limit },
} as const;

export interface HoldersQuery {
  linkedLines?: string;
  'linkedLines>'?: string;
  limit?: string;
}

export const ALERTS_SCHEMA = {
  $id: 'deconfliction-alerts-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: DECONFLICTION_KINDS },
    status: { type: 'string', enum: DECONFLICTION_STATUSES },
    force,
    limit,
  },
} as const;

export interface AlertsQuery {
  kind?: DeconflictionKind;
  status?: DeconflictionStatus;
  force?: string;
  limit?: string;
}

export const DDTRO_LIST_SCHEMA = {
  $id: 'ddtro-list-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: {
    lineId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: ['applied', 'granted', 'provider-actioned', 'refused'] },
    limit,
  },
} as const;

export const REPLACEMENT_ALERTS_SCHEMA = {
  $id: 'replacement-alerts-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['open', 'applied'] }, limit },
} as const;

export interface ReplacementAlertsQuery {
  status?: 'open' | 'applied';
  limit?: string;
}

export interface DdtroListQuery {
  lineId?: string;
  status?: string;
  limit?: string;
}

export const validateLineListQuery = (q: Record<string, unknown>) =>
  validateQueryParams<LineListQuery>(LINE_LIST_SCHEMA, q);
export const validateRankingQuery = (q: Record<string, unknown>) =>
  validateQueryParams<RankingQuery>(RANKING_SCHEMA, q);
export const validateHoldersQuery = (q: Record<string, unknown>) =>
  validateQueryParams<HoldersQuery>(HOLDERS_SCHEMA, q);
export const validateAlertsQuery = (q: Record<string, unknown>) =>
  validateQueryParams<AlertsQuery>(ALERTS_SCHEMA, q);
export const validateReplacementAlertsQuery = (q: Record<string, unknown>) =>
  validateQueryParams<ReplacementAlertsQuery>(REPLACEMENT_ALERTS_SCHEMA, q);
export const validateDdtroListQuery = (q: Record<string, unknown>) =>
  validateQueryParams<DdtroListQuery>(DDTRO_LIST_SCHEMA, q);

/** The least number of linked lines a holders query asks for (default 2). */
export function minLinkedLines(q: HoldersQuery): number {
  return Number(q['linkedLines>'] ?? q.linkedLines ?? 2);
}
