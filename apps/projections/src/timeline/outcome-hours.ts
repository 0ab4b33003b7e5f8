import {
  OUTCOME_RECORDED,
  OUTCOME_RETRACTED,
  Outcome,
  OutcomeRecordedV1,
  OutcomeRetractedV1,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';

/** One cell of the timeline: an operation's outcomes of one type, for one force, in one hour. */
export interface HourKey {
  operationId: string;
  force: string;
  hour: string;
  type: string;
}

export function hourOf(occurredAt: string): string {
  const d = new Date(occurredAt);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}

/**
 * Folds fresh (already de-duplicated) outcome events into per-hour count changes. A correction
 * moves its outcome from the previous version's hour, force and type to the current one's; a
 * retraction takes it away: a plain sum, like the tallies, so any order gives the same counts.
 */
export function foldOutcomeHours(
  events: ConsumedEvent[],
): Map<string, HourKey & { delta: number }> {
  const cells = new Map<string, HourKey & { delta: number }>();
  const add = (operationId: string, o: Outcome, delta: number) => {
    const key: HourKey = { operationId, force: o.force, hour: hourOf(o.occurredAt), type: o.type };
    const id = `${key.operationId}|${key.force}|${key.hour}|${key.type}`;
    const cell = cells.get(id) ?? { ...key, delta: 0 };
    cell.delta += delta;
    cells.set(id, cell);
  };
  for (const { event } of events) {
    if (event.type === OUTCOME_RECORDED.type) {
      const p = event.payload as OutcomeRecordedV1;
      add(p.operationId, p.current, 1);
      if (p.previous) add(p.operationId, p.previous, -1);
    } else if (event.type === OUTCOME_RETRACTED.type) {
      const p = event.payload as OutcomeRetractedV1;
      add(p.operationId, p.previous, -1);
    }
  }
  for (const [id, cell] of cells) if (cell.delta === 0) cells.delete(id);
  return cells;
}
