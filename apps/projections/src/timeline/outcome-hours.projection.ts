import { EntityManager } from 'typeorm';
import { ConsumedEvent } from '@intensify/messaging';
import { foldOutcomeHours } from './outcome-hours';

/** Adds a batch's fresh outcome events to the hourly counts, in the caller's transaction. */
export async function applyOutcomeHours(m: EntityManager, fresh: ConsumedEvent[]): Promise<void> {
  // One order for every batch (as for the tallies), so concurrent batches never deadlock.
  const cells = [...foldOutcomeHours(fresh).values()].sort((a, b) =>
    `${a.operationId}|${a.force}|${a.hour}|${a.type}`.localeCompare(
      `${b.operationId}|${b.force}|${b.hour}|${b.type}`,
    ),
  );
  if (cells.length === 0) return;
  await m.query(
    `INSERT INTO outcome_hours (operation_id, force, hour, type, outcomes)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::int[])
     ON CONFLICT (operation_id, force, hour, type)
     DO UPDATE SET outcomes = outcome_hours.outcomes + EXCLUDED.outcomes`,
    [
      cells.map((c) => c.operationId),
      cells.map((c) => c.force),
      cells.map((c) => c.hour),
      cells.map((c) => c.type),
      cells.map((c) => c.delta),
    ],
  );
}
