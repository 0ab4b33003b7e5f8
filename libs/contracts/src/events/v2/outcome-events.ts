import { Outcome } from '../../api/v1/outcome';
import { anyOutcomeBody, OutcomeEventSubject, outcomeEventSchema } from '../outcome-event-schema';
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

export interface OutcomeRecordedV2 extends OutcomeEventSubject {
  current: OutcomeFigures;
  previous: OutcomeFigures | null;
}

export interface OutcomeRetractedV2 extends OutcomeEventSubject {
  previous: OutcomeFigures;
}

const anyFigures = anyOutcomeBody(({ $id: _id, properties, ...s }) => {
  const { note: _note, ...rest } = properties;
  return { ...s, properties: rest };
});

export const OUTCOME_RECORDED_V2_SCHEMA = outcomeEventSchema(OUTCOME_RECORDED_V2, {
  current: anyFigures,
  previous: { oneOf: [{ type: 'null' }, anyFigures] },
});

export const OUTCOME_RETRACTED_V2_SCHEMA = outcomeEventSchema(OUTCOME_RETRACTED_V2, {
  previous: anyFigures,
});

/**
 * The Kafka key of every outcome event: its week, not the outcome. A week's events (each
 * outcome's versions among them) stay in order in one partition, so a projections member adds up
 * a week's figures in batches; keyed by outcome, each small publish was spread over all six
 * partitions and applied as that many tiny transactions.
 */
export function outcomeEventKey(operationId: string): string {
  return operationId;
}
