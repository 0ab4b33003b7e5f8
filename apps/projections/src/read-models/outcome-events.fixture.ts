import {
  ArrestOutcome,
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';

const at = '2026-10-06T10:00:00.000Z';

/** An event as the consumer hands it to the read models, for their unit tests. */
export function consumed(type: string, payload: object): ConsumedEvent {
  return {
    topic: 't',
    partition: 0,
    offset: '0',
    event: {
      id: 'e',
      type,
      version: 1,
      aggregateId: (payload as { outcomeId?: string }).outcomeId ?? 'a',
      occurredAt: at,
      recordedAt: at,
      actor: { sub: 's', role: 'nclcc' },
      correlationId: 'c',
      payload,
    },
  };
}

export function arrest(o: Partial<ArrestOutcome> = {}): ArrestOutcome {
  return { type: 'arrest', force: 'BTP', occurredAt: at, count: 1, under18: 0, charged: 0, ...o };
}

const anOutcome = { outcomeId: 'o', operationId: 'op', version: 1 };

export function outcomeRecorded(
  p: Partial<OutcomeRecordedV1> & Pick<OutcomeRecordedV1, 'current'>,
): ConsumedEvent {
  return consumed(OUTCOME_RECORDED.type, { ...anOutcome, previous: null, ...p });
}

export function outcomeRetracted(
  p: Partial<OutcomeRetractedV1> & Pick<OutcomeRetractedV1, 'previous'>,
): ConsumedEvent {
  return consumed(OUTCOME_RETRACTED.type, { ...anOutcome, reason: 'r', ...p });
}
