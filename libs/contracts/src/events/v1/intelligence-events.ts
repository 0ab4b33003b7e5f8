import { FORCE_CODES } from '@intensify/reference-data';
import {
  CLOSURE_TYPES,
  LINE_STATUSES,
  LineStatus,
  RISK_FACTORS,
  RiskFactors,
} from '../../api/v1/line';
import { DDTRO_STATUSES, DdtroStatus } from '../../api/v1/ddtro';

export const LINE_REGISTERED = { type: 'line.registered', version: 1 } as const;
export const LINE_UPDATED = { type: 'line.updated', version: 1 } as const;
export const DECONFLICTION_RAISED = { type: 'deconfliction.raised', version: 1 } as const;
export const DDTRO_APPLIED = { type: 'ddtro.applied', version: 1 } as const;
export const DDTRO_GRANTED = { type: 'ddtro.granted', version: 1 } as const;
export const DDTRO_PROVIDER_ACTIONED = { type: 'ddtro.provider-actioned', version: 1 } as const;
export const DDTRO_REFUSED = { type: 'ddtro.refused', version: 1 } as const;
export const DDTRO_PROVIDER_OVERDUE = { type: 'ddtro.provider-overdue', version: 1 } as const;
export const DDTRO_REPLACEMENT_NUMBER = {
  type: 'ddtro.replacement-number-detected',
  version: 1,
} as const;
export const OPERATION_FOCUS_LINES_SET = { type: 'operation.focus-lines-set', version: 1 } as const;

/** Where a line runs: what the focus map counts. */
export interface LinePlace {
  exportingForce: string;
  importingForces: string[];
  status: LineStatus;
}

/**
 * A line as it stands after the change, with where it ran before (null when registered) and a
 * per-line `seq` so copies are skipped. No numbers or holder references travel on the bus:
 * consumers get counts, the register keeps the detail.
 */
export interface LineChangedV1 extends LinePlace {
  lineId: string;
  seq: number;
  brand: string;
  recordedBy: string;
  closureType: string | null;
  riskFactors: RiskFactors;
  activeNumbers: number;
  holderCount: number;
  lastIntelligenceAt: string | null;
  previous: LinePlace | null;
  fields: string[];
}

export interface DeconflictionRaisedV1 {
  alertId: string;
  seq: number;
  kind: 'number' | 'holder';
  forces: string[];
  regions: string[];
  lineIds: string[];
}

export interface DdtroEventV1 {
  ddtroId: string;
  lineId: string;
  batchId: string;
  seq: number;
  status: DdtroStatus;
  at: string;
  providerDeadline?: string;
  reason?: string;
}

export interface DdtroReplacementNumberV1 {
  alertId: string;
  lineId: string;
  ddtroIds: string[];
}

export interface FocusLinesSetV1 {
  operationId: string;
  seq: number;
  lineIds: string[];
  focusForces: string[];
  lines: ({ lineId: string } & Pick<LinePlace, 'exportingForce' | 'importingForces'>)[];
}

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const positive = { type: 'integer', minimum: 1 } as const;
const count = { type: 'integer', minimum: 0 } as const;
const force = { type: 'string', enum: FORCE_CODES } as const;
const forces = { type: 'array', items: force } as const;
const place = {
  exportingForce: force,
  importingForces: forces,
  status: { type: 'string', enum: LINE_STATUSES },
} as const;
const placeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['exportingForce', 'importingForces', 'status'],
  properties: place,
} as const;

function object(id: string, properties: Record<string, object>, required: string[]): object {
  return { $id: id, type: 'object', additionalProperties: false, required, properties };
}

/** The week's focus lines and forces; a later version adds `more` (required) to them. */
export const focusLinesSetSchema = (id: string, more: Record<string, object> = {}) =>
  object(
    id,
    {
      operationId: uuid,
      seq: positive,
      lineIds: { type: 'array', items: uuid },
      focusForces: forces,
      lines: {
        type: 'array',
        items: object(
          `${id}.line`,
          { lineId: uuid, exportingForce: force, importingForces: forces },
          ['lineId', 'exportingForce', 'importingForces'],
        ),
      },
      ...more,
    },
    ['operationId', 'seq', 'lineIds', 'focusForces', 'lines', ...Object.keys(more)],
  );

const lineChanged = (id: string) =>
  object(
    id,
    {
      ...place,
      lineId: uuid,
      seq: positive,
      brand: { type: 'string', minLength: 1 },
      recordedBy: force,
      closureType: { oneOf: [{ type: 'null' }, { type: 'string', enum: CLOSURE_TYPES }] },
      riskFactors: object(
        `${id}.riskFactors`,
        Object.fromEntries(RISK_FACTORS.map((r) => [r, { type: 'boolean' }])),
        [...RISK_FACTORS],
      ),
      activeNumbers: count,
      holderCount: count,
      lastIntelligenceAt: { oneOf: [{ type: 'null' }, dateTime] },
      previous: { oneOf: [{ type: 'null' }, placeSchema] },
      fields: { type: 'array', items: { type: 'string' } },
    },
    [
      'lineId',
      'seq',
      'brand',
      'recordedBy',
      'exportingForce',
      'importingForces',
      'status',
      'closureType',
      'riskFactors',
      'activeNumbers',
      'holderCount',
      'lastIntelligenceAt',
      'previous',
      'fields',
    ],
  );

/** An order's event payload schema; a refusal's `reason` travels only in version 1 (see v2). */
export const ddtroEventSchema = (id: string, withReason = true) =>
  object(
    id,
    {
      ddtroId: uuid,
      lineId: uuid,
      batchId: uuid,
      seq: positive,
      status: { type: 'string', enum: DDTRO_STATUSES },
      at: dateTime,
      providerDeadline: dateTime,
      ...(withReason && { reason: { type: 'string', minLength: 1 } }),
    },
    ['ddtroId', 'lineId', 'batchId', 'seq', 'status', 'at'],
  );

/** One payload schema per intelligence event type, version 1. */
export const INTELLIGENCE_EVENT_SCHEMAS: [{ type: string; version: number }, object][] = [
  [LINE_REGISTERED, lineChanged('line.registered.v1')],
  [LINE_UPDATED, lineChanged('line.updated.v1')],
  [
    DECONFLICTION_RAISED,
    object(
      'deconfliction.raised.v1',
      {
        alertId: uuid,
        seq: positive,
        kind: { type: 'string', enum: ['number', 'holder'] },
        forces,
        regions: { type: 'array', items: { type: 'string' } },
        lineIds: { type: 'array', items: uuid },
      },
      ['alertId', 'seq', 'kind', 'forces', 'regions', 'lineIds'],
    ),
  ],
  [DDTRO_APPLIED, ddtroEventSchema('ddtro.applied.v1')],
  [DDTRO_GRANTED, ddtroEventSchema('ddtro.granted.v1')],
  [DDTRO_PROVIDER_ACTIONED, ddtroEventSchema('ddtro.provider-actioned.v1')],
  [DDTRO_REFUSED, ddtroEventSchema('ddtro.refused.v1')],
  [DDTRO_PROVIDER_OVERDUE, ddtroEventSchema('ddtro.provider-overdue.v1')],
  [
    DDTRO_REPLACEMENT_NUMBER,
    object(
      'ddtro.replacement-number-detected.v1',
      { alertId: uuid, lineId: uuid, ddtroIds: { type: 'array', items: uuid } },
      ['alertId', 'lineId', 'ddtroIds'],
    ),
  ],
  [OPERATION_FOCUS_LINES_SET, focusLinesSetSchema('operation.focus-lines-set.v1')],
];
