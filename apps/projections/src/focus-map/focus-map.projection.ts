import { EntityManager } from 'typeorm';
import {
  FocusLinesSetV1,
  LINE_REGISTERED,
  LINE_UPDATED,
  LineChangedV1,
  OPERATION_FOCUS_LINES_SET,
} from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';

/** The latest event per key in a batch (by `seq`), so each row is written once. */
export function latestBy<T extends { seq: number }>(items: T[], key: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const t of items) {
    const k = key(t);
    if ((out.get(k)?.seq ?? 0) < t.seq) out.set(k, t);
  }
  return [...out.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * Keeps where each line runs and each week's focus lines, from the intelligence topic, in the
 * board's transaction. Every event carries its aggregate's whole state and a `seq`: a row only
 * moves forward, so copies and any order of partitions give the same map. Returns the weeks
 * whose focus changed (their boards are announced as changed).
 */
export async function applyFocusMapBatch(
  m: EntityManager,
  events: ConsumedEvent[],
): Promise<Set<string>> {
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
  return new Set(focus.map((f) => f.operationId));
}
