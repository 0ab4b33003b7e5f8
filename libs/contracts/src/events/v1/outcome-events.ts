import { LEGACY_LINE_REF, OUTCOME_BODY_SCHEMAS } from '../../api/v1/outcome.schema';
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

/**
 * The discriminator makes Ajv check only the branch `type` names: projections validate every
 * event. Events accepted before line references were checked carry free text in `lineId`.
 */
const anyOutcome = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: Object.values(OUTCOME_BODY_SCHEMAS).map((s) => ({
    ...s,
    $id: undefined,
    properties: { ...s.properties, lineId: LEGACY_LINE_REF },
  })),
};
const uuid = { type: 'string', format: 'uuid' } as const;

/** Each outcome event names the outcome, its week and the version it concerns, then the change. */
function outcomeEventSchema(
  kind: { type: string; version: number },
  change: Record<string, object>,
): object {
  return {
    $id: `${kind.type}.v${kind.version}`,
    type: 'object',
    additionalProperties: false,
    required: ['outcomeId', 'operationId', 'version', ...Object.keys(change)],
    properties: {
      outcomeId: uuid,
      operationId: uuid,
      version: { type: 'integer', minimum: 1 },
      ...change,
    },
  };
}

export const OUTCOME_RECORDED_V1_SCHEMA = outcomeEventSchema(OUTCOME_RECORDED, {
  current: anyOutcome,
  previous: { oneOf: [{ type: 'null' }, anyOutcome] },
});

export const OUTCOME_RETRACTED_V1_SCHEMA = outcomeEventSchema(OUTCOME_RETRACTED, {
  previous: anyOutcome,
  reason: { type: 'string', minLength: 1 },
});
