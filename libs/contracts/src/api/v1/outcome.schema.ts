import { FORCE_CODES } from '@intensify/reference-data';

/** Upper bounds keep sums exact in 64-bit columns; they are far above any real week. */
export const LIMITS = {
  count: 1_000_000,
  pence: 10_000_000_000_000,
  grams: 1_000_000_000,
  noteLength: 2000,
  idempotencyKeyLength: 200,
} as const;

export const OUTCOME_TYPES = ['arrest', 'seizure', 'safeguarding', 'line'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];
export const DRUGS = ['crack', 'heroin', 'cocaine', 'cannabis', 'other'] as const;
export type Drug = (typeof DRUGS)[number];
export const WEAPONS = ['firearm', 'bladed', 'other'] as const;
export const LINE_ACTIONS = ['identified', 'disrupted', 'closed-type1', 'closed-type2'] as const;
export type LineAction = (typeof LINE_ACTIONS)[number];

const count = { type: 'integer', minimum: 0, maximum: LIMITS.count } as const;
const pence = { type: 'integer', minimum: 0, maximum: LIMITS.pence } as const;
/** DDTRO figures are counts of orders; `true`/`false` are read as 1/0 for tools that send flags. */
const ddtroCount = { oneOf: [count, { type: 'boolean' }] } as const;

const common = {
  type: { type: 'string', enum: OUTCOME_TYPES },
  force: { type: 'string', enum: FORCE_CODES },
  occurredAt: { type: 'string', format: 'date-time' },
  // A register line's id: the gateway checks it exists and is in the caller's scope.
  lineId: { type: 'string', format: 'uuid' },
  taskingId: { type: 'string', minLength: 1, maxLength: 100 },
  note: { type: 'string', maxLength: LIMITS.noteLength },
} as const;
const commonRequired = ['type', 'force', 'occurredAt'];

function outcomeSchema(type: OutcomeType, properties: object, required: string[] = []) {
  return {
    $id: `outcome-${type}.v1`,
    type: 'object',
    additionalProperties: false,
    required: [...commonRequired, ...required],
    properties: { ...common, type: { const: type }, ...properties },
  } as const;
}

export const OUTCOME_BODY_SCHEMAS = {
  arrest: outcomeSchema(
    'arrest',
    { count: { ...count, minimum: 1 }, under18: count, charged: count },
    ['count'],
  ),
  seizure: outcomeSchema('seizure', {
    cashPence: pence,
    phones: count,
    drugs: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['drug'],
        properties: {
          drug: { type: 'string', enum: DRUGS },
          grams: { type: 'number', minimum: 0, maximum: LIMITS.grams },
          plants: count,
          valuePence: pence,
        },
      },
    },
    weapons: {
      type: 'object',
      additionalProperties: false,
      properties: { firearm: count, bladed: count, other: count },
    },
  }),
  safeguarding: outcomeSchema('safeguarding', {
    children: count,
    adults: count,
    nrmReferrals: count,
    cuckooedAddressesVisited: count,
  }),
  line: outcomeSchema(
    'line',
    {
      action: { type: 'string', enum: LINE_ACTIONS },
      ddtroApplied: ddtroCount,
      ddtroGranted: ddtroCount,
    },
    ['action'],
  ),
} as const;

/**
 * What `lineId` was before it named a register line: free text. Events keep what was accepted
 * then, so event schemas still take it; consumers ignore a `lineId` that is not a uuid.
 */
export const LEGACY_LINE_REF = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** Only `type` is checked first, so that a body's other fields are judged by its own type. */
export const OUTCOME_TYPE_SCHEMA = {
  $id: 'outcome-type.v1',
  type: 'object',
  required: ['type'],
  properties: { type: common.type },
} as const;
