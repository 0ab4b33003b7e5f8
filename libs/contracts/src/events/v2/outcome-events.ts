import { OUTCOME_BODY_SCHEMAS } from '../../api/v1/outcome.schema';
import { Outcome } from '../../api/v1/outcome';
import { OUTCOME_RECORDED, OUTCOME_RETRACTED } from '../v1/outcome-events';

/**
 * Version 2 of the outcome events carries no free text: the note and the retraction reason stay
 * in reporting's tables (erasable there), since topics keep their events for ever. Consumers
 * read both versions: the figures are the same.
 */
export const OUTCOME_RECORDED_V2 = { type: OUTCOME_RECORDED.type, version: 2 } as const;
export const OUTCOME_RETRACTED_V2 = { type: OUTCOME_RETRACTED.type, version: 2 } as const;

type WithoutNote<T> = T extends unknown ? Omit<T, 'note'> : never;
/** An outcome as it travels on the bus: every field but the note. */
export type OutcomeFigures = WithoutNote<Outcome>;

export function outcomeFigures(outcome: Outcome): OutcomeFigures {
  const { note: _note, ...figures } = outcome;
  return figures;
}

export interface OutcomeRecordedV2 {
  outcomeId: string;
  operationId: string;
  version: number;
  current: OutcomeFigures;
  previous: OutcomeFigures | null;
}

export interface OutcomeRetractedV2 {
  outcomeId: string;
  operationId: string;
  version: number;
  previous: OutcomeFigures;
}

const anyFigures = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: Object.values(OUTCOME_BODY_SCHEMAS).map(({ $id: _id, properties, ...s }) => {
    const { note: _note, ...rest } = properties;
    return { ...s, properties: rest };
  }),
};
const uuid = { type: 'string', format: 'uuid' } as const;

export const OUTCOME_RECORDED_V2_SCHEMA = {
  $id: 'outcome.recorded.v2',
  type: 'object',
  additionalProperties: false,
  required: ['outcomeId', 'operationId', 'version', 'current', 'previous'],
  properties: {
    outcomeId: uuid,
    operationId: uuid,
    version: { type: 'integer', minimum: 1 },
    current: anyFigures,
    previous: { oneOf: [{ type: 'null' }, anyFigures] },
  },
} as const;

export const OUTCOME_RETRACTED_V2_SCHEMA = {
  $id: 'outcome.retracted.v2',
  type: 'object',
  additionalProperties: false,
  required: ['outcomeId', 'operationId', 'version', 'previous'],
  properties: {
    outcomeId: uuid,
    operationId: uuid,
    version: { type: 'integer', minimum: 1 },
    previous: anyFigures,
  },
} as const;
