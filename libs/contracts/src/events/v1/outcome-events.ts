import { OUTCOME_BODY_SCHEMAS } from '../../api/v1/outcome.schema';
import { Outcome } from '../../api/v1/outcome';

export const OUTCOME_RECORDED = { type: 'outcome.recorded', version: 1 } as const;

/**
 * A new version of an outcome. `previous` is the version it replaces (null for the first), so a
 * projection can add `tally(current) - tally(previous)` without reading anything else: the sum of
 * all events is the same in any order, and a rebuild gives the same answer.
 */
export interface OutcomeRecordedV1 {
  outcomeId: string;
  operationId: string;
  version: number;
  current: Outcome;
  previous: Outcome | null;
}

const anyOutcome = {
  oneOf: Object.values(OUTCOME_BODY_SCHEMAS).map((s) => ({ ...s, $id: undefined })),
};

export const OUTCOME_RECORDED_V1_SCHEMA = {
  $id: 'outcome.recorded.v1',
  type: 'object',
  additionalProperties: false,
  required: ['outcomeId', 'operationId', 'version', 'current', 'previous'],
  properties: {
    outcomeId: { type: 'string', format: 'uuid' },
    operationId: { type: 'string', format: 'uuid' },
    version: { type: 'integer', minimum: 1 },
    current: anyOutcome,
    previous: { oneOf: [{ type: 'null' }, anyOutcome] },
  },
} as const;
