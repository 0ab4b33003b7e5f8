import { SumsModel } from '../read-models/read-model';
import { foldOutcomeHours } from './outcome-hours';

/** Outcomes per hour, type and force of each operation: the board's timeline. */
export const timeline: SumsModel = {
  writes(events) {
    // One order for every batch (as for the tallies), so concurrent batches never deadlock.
    const cells = [...foldOutcomeHours(events)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, cell]) => cell);
    if (cells.length === 0) return { writes: [], operations: [] };
    return {
      writes: [
        {
          sql: `INSERT INTO outcome_hours (operation_id, force, hour, type, outcomes)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::int[])
       ON CONFLICT (operation_id, force, hour, type)
       DO UPDATE SET outcomes = outcome_hours.outcomes + EXCLUDED.outcomes`,
          params: [
            cells.map((c) => c.operationId),
            cells.map((c) => c.force),
            cells.map((c) => c.hour),
            cells.map((c) => c.type),
            cells.map((c) => c.delta),
          ],
        },
      ],
      operations: cells.map((c) => c.operationId),
    };
  },
};
