import { Outcome } from '../../api/v1/outcome';
import { anyOutcomeBody, OutcomeEventSubject, outcomeEventSchema } from '../outcome-event-schema';

export const OUTCOME_RECORDED = { type: 'outcome.recorded', version: 1 } as const;
export const OUTCOME_RETRACTED = { type: 'outcome.retracted', version: 1 } as const;

/**
 * A new version of an outcome: a first report or a correction. `previous` is the version it
 * replaces (null for the first), so a projection adds `tally(current) - tally(previous)`
 * without reading anything else: the sum of all events is the same in any order, and a
 * rebuild gives the same answer.
 */
export interface OutcomeRecordedV1 extends OutcomeEventSubject {
  current: Outcome;
  previous: Outcome | null;
}

/** The outcome no longer counts; `previous` is the version that is taken off the tallies. */
export interface OutcomeRetractedV1 extends OutcomeEventSubject {
  previous: Outcome;
  reason: string;
}

const anyOutcome = anyOutcomeBody((s) => ({ ...s, $id: undefined }));

export const OUTCOME_RECORDED_V1_SCHEMA = outcomeEventSchema(OUTCOME_RECORDED, {
  current: anyOutcome,
  previous: { oneOf: [{ type: 'null' }, anyOutcome] },
});

export const OUTCOME_RETRACTED_V1_SCHEMA = outcomeEventSchema(OUTCOME_RETRACTED, {
  previous: anyOutcome,
  reason: { type: 'string', minLength: 1 },
});
