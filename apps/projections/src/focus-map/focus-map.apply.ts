import { EntityManager } from 'typeorm';
import {
  FocusLinesSetV1,
  LINE_REGISTERED,
  LINE_UPDATED,
  LineChangedV1,
  OPERATION_CLOSED,
  OPERATION_CREATED,
  OPERATION_FOCUS_LINES_SET,
  OPERATION_REOPENED,
  OPERATION_UPDATED,
  OperationClosedV1,
  OperationCreatedV1,
  OperationReopenedV1,
  OperationUpdatedV1,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { ReadModel } from '../read-models/read-model';
import { applyByType } from '../read-models/apply-by-type';
import { latestBy } from './focus-map';

/**
 * Where each line runs and each week's focus lines (from the intelligence topic), and each
 * week's own focus forces, shown until lines are picked (from the operations topic).
 */
export const focusMap: ReadModel = {
  async apply(m, events) {
    await upsertOperations(m, events);
    await upsertLines(m, events);
    return upsertFocusLines(m, events);
  },
};

/** Operation events are rare: one statement each, applied in partition order. */
async function upsertOperations(m: EntityManager, events: ConsumedEvent[]): Promise<void> {
  await applyByType(m, events, {
    [OPERATION_CREATED.type]: async (tx, { payload }) => {
      const p = payload as OperationCreatedV1;
      await tx.query(
        `INSERT INTO operations (id, name, starts_at, ends_at, focus_forces)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
        [p.operationId, p.name, p.startsAt, p.endsAt, p.focusForces],
      );
    },
    // Weeks compared, focus-line results and baselines read the week's name and dates from here.
    [OPERATION_UPDATED.type]: async (tx, { payload }) => {
      const p = payload as OperationUpdatedV1;
      await tx.query(
        `UPDATE operations SET name = $2, starts_at = $3, ends_at = $4 WHERE id = $1`,
        [p.operationId, p.name, p.startsAt, p.endsAt],
      );
    },
    [OPERATION_CLOSED.type]: async (tx, { payload }) => {
      const p = payload as OperationClosedV1;
      await tx.query(`UPDATE operations SET closed_at = $2 WHERE id = $1`, [
        p.operationId,
        p.closedAt,
      ]);
    },
    [OPERATION_REOPENED.type]: async (tx, { payload }) => {
      const p = payload as OperationReopenedV1;
      await tx.query(`UPDATE operations SET closed_at = NULL WHERE id = $1`, [p.operationId]);
    },
  });
}

/**
 * Lines and focus lines carry their aggregate's whole state and a `seq`: a row only moves
 * forward, so copies and any order of partitions give the same map.
 */
async function upsertLines(m: EntityManager, events: ConsumedEvent[]): Promise<void> {
  const lines = latestBy(
    events
      .filter(
        ({ event }) => event.type === LINE_REGISTERED.type || event.type === LINE_UPDATED.type,
      )
      .map(({ event }) => event.payload as LineChangedV1),
    (l) => l.lineId,
  );
  if (lines.length) {
    await m.query(
      `INSERT INTO focus_map_lines (line_id, seq, exporting_force, importing_forces, status)
       SELECT l, s, e, ARRAY(SELECT jsonb_array_elements_text(i::jsonb)), st
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[]) AS x(l, s, e, i, st)
       ON CONFLICT (line_id) DO UPDATE SET seq = EXCLUDED.seq, exporting_force = EXCLUDED.exporting_force,
         importing_forces = EXCLUDED.importing_forces, status = EXCLUDED.status, updated_at = now()
       WHERE focus_map_lines.seq < EXCLUDED.seq`,
      [
        lines.map((l) => l.lineId),
        lines.map((l) => l.seq),
        lines.map((l) => l.exportingForce),
        lines.map((l) => JSON.stringify(l.importingForces)),
        lines.map((l) => l.status),
      ],
    );
  }
}

/** Answers the weeks whose focus changed: their boards are announced as changed. */
async function upsertFocusLines(m: EntityManager, events: ConsumedEvent[]): Promise<string[]> {
  const focus = latestBy(
    events
      .filter(({ event }) => event.type === OPERATION_FOCUS_LINES_SET.type)
      .map(({ event }) => event.payload as FocusLinesSetV1),
    (f) => f.operationId,
  );
  for (const f of focus) {
    await m.query(
      `INSERT INTO focus_map_operations (operation_id, seq, line_ids, focus_forces, lines)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (operation_id) DO UPDATE SET seq = EXCLUDED.seq, line_ids = EXCLUDED.line_ids,
         focus_forces = EXCLUDED.focus_forces, lines = EXCLUDED.lines, updated_at = now()
       WHERE focus_map_operations.seq < EXCLUDED.seq`,
      [f.operationId, f.seq, f.lineIds, f.focusForces, JSON.stringify(f.lines)],
    );
  }
  return focus.map((f) => f.operationId);
}
