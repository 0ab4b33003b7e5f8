import { Outcome } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { outcomeChangeOf } from '../read-models/outcome-changes';

/** One cell of the timeline: an operation's outcomes of one type, for one force, in one hour. */
export interface HourKey {
  operationId: string;
  force: string;
  hour: string;
  type: string;
}

/** A UTC time as the platform writes it (`…T10:42:07.123Z`): its hour is read off the text. */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

export function hourOf(occurredAt: string): string {
  // Two folds call this per outcome; a Date each was a measurable share of a rebuild.
  if (UTC_TIME.test(occurredAt)) return `${occurredAt.slice(0, 13)}:00:00.000Z`;
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
    const change = outcomeChangeOf(event);
    if (change) for (const [o, sign] of change.moves) add(change.operationId, o, sign);
  }
  for (const [id, cell] of cells) if (cell.delta === 0) cells.delete(id);
  return cells;
}
