import {
  EventEnvelope,
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  Outcome,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
} from '@intensify/contracts';

/** What one outcome event does to sums kept of outcomes: `+1` the version it brings, `−1` the one it replaces. */
export interface OutcomeChange {
  operationId: string;
  moves: [outcome: Outcome, sign: 1 | -1][];
}

/**
 * An outcome event as signed moves (`current − previous`), so a fold over them is a plain sum
 * and any order of partitions gives the same figures. Other events answer undefined.
 */
export function outcomeChangeOf(event: EventEnvelope): OutcomeChange | undefined {
  if (event.type === OUTCOME_RECORDED.type) {
    const p = event.payload as OutcomeRecordedV1;
    const moves: OutcomeChange['moves'] = [[p.current, 1]];
    if (p.previous) moves.push([p.previous, -1]);
    return { operationId: p.operationId, moves };
  }
  if (event.type === OUTCOME_RETRACTED.type) {
    const p = event.payload as OutcomeRetractedV1;
    return { operationId: p.operationId, moves: [[p.previous, -1]] };
  }
  return undefined;
}
