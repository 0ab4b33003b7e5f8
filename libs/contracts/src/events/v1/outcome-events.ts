import { OUTCOME_BODY_SCHEMAS } from '../../api/v1/outcome.schema';
import { Outcome } from '../../api/v1/outcome';

export const OUTCOME_RECORDED = { type: 'outcome.recorded', version: 1 } as const;
export const OUTCOME_RETRACTED = { type: 'outcome.retracted', version: 1 } as const;

/**
 * A new version of an outcome: a first report or a correction. `previous` is the version it
 * replaces (null for the first), so a projection adds `tally(current) - tally(previous)`
 * without reading anything else: the sum of all events is the same in any order, and a
 * rebuild gives the same answer.
 */
export interface OutcomeRecordedV1 {
  outcomeId: string;
  operationId: string;
  version: number;
  current: Outcome;
  previous: Outcome | null;
}

/** The outcome no longer counts; `previous` is the version that is taken off the tallies. */
export interface OutcomeRetractedV1 {
  outcomeId: string;
  operationId: string;
  version: number;
  previous: Outcome;
  reason: string;
}

/** The discriminator makes Ajv check only the branch `type` names: projections validate every event. */
const anyOutcome = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: Object.values(OUTCOME_BODY_SCHEMAS).map((s) => ({ ...s, $id: undefined })),
};
const uuid = { type: 'string', format: 'uuid' } as const;

export const OUTCOME_RECORDED_V1_SCHEMA = {
  $id: 'outcome.recorded.v1',
  type: 'object',
  additionalProperties: false,
  required: ['outcomeId', 'operationId', 'version', 'current', 'previous'],
  properties: {
    outcomeId: uuid,
    operationId: uuid,
    version: { type: 'integer', minimum: 1 },
    current: anyOutcome,
    previous: { oneOf: [{ type: 'null' }, anyOutcome] },
  },
} as const;

export const OUTCOME_RETRACTED_V1_SCHEMA = {
  $id: 'outcome.retracted.v1',
  type: 'object',
  additionalProperties: false,
  required: ['outcomeId', 'operationId', 'version', 'previous', 'reason'],
  properties: {
    outcomeId: uuid,
    operationId: uuid,
    version: { type: 'integer', minimum: 1 },
    previous: anyOutcome,
    reason: { type: 'string', minLength: 1 },
  },
} as const;
