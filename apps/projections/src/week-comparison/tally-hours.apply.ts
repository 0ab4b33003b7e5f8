import { Outcome } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { outcomeChangeOf } from '../read-models/outcome-changes';
import {
  TALLY_COLUMNS,
  TallyVector,
  addOutcome,
  addTalliesSql,
  isZero,
  zeroVector,
} from '../board-tallies/tally-vector';
import { SumsModel } from '../read-models/read-model';
import { hourOf } from '../timeline/outcome-hours';

export interface TallyHour {
  operationId: string;
  force: string;
  hour: string;
  delta: TallyVector;
}

/**
 * Folds fresh outcome events into figure changes per operation, force and hour of `occurredAt`:
 * the board's tallies split by hour (the timeline counts outcomes, not figures), so a week can
 * be compared with another at the same hours into it. `current − previous`, as for the tallies.
 */
export function foldTallyHours(events: ConsumedEvent[]): TallyHour[] {
  const cells = new Map<string, TallyHour>();
  const add = (operationId: string, o: Outcome, sign: 1 | -1) => {
    const hour = hourOf(o.occurredAt);
    const id = `${operationId}|${o.force}|${hour}`;
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { operationId, force: o.force, hour, delta: zeroVector() }));
    addOutcome(cell.delta, o, sign);
  };
  for (const { event } of events) {
    const change = outcomeChangeOf(event);
    if (change) for (const [o, sign] of change.moves) add(change.operationId, o, sign);
  }
  return [...cells.entries()]
    .filter(([, c]) => !isZero(c.delta))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, c]) => c);
}

const UPSERT_TALLY_HOURS = addTalliesSql('force_tally_hours', [
  ['operation_id', 'uuid'],
  ['force', 'text'],
  ['hour', 'timestamptz'],
]);

/** Figures per operation, force and hour: what weeks are compared on. */
export const tallyHours: SumsModel = {
  writes(events) {
    const cells = foldTallyHours(events);
    if (cells.length === 0) return { writes: [], operations: [] };
    return {
      writes: [
        {
          sql: UPSERT_TALLY_HOURS,
          params: [
            cells.map((c) => c.operationId),
            cells.map((c) => c.force),
            cells.map((c) => c.hour),
            ...TALLY_COLUMNS.map((col) => cells.map((c) => c.delta[col])),
          ],
        },
      ],
      operations: cells.map((c) => c.operationId),
    };
  },
};
