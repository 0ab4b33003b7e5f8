import { EntityManager } from 'typeorm';
import { Actor, ReplacementAlertItem, ReplacementAlertsQuery } from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { visibleLinesSql } from '../lines/line-row';

interface Row {
  id: string;
  line_id: string;
  brand: string;
  recorded_by: string;
  number: string;
  number_status: string | null;
  ddtro_ids: string[];
  raised_at: Date;
  ddtro_id: string | null;
}

/**
 * Replacement alerts on lines the caller may see, newest first: `open` ones have no order
 * applied for from them yet, `applied` ones have.
 */
export async function listReplacementAlerts(
  m: EntityManager,
  q: ReplacementAlertsQuery,
  actor: Actor,
): Promise<ReplacementAlertItem[]> {
  const rows: Row[] = await m.query(
    `SELECT a.id, a.line_id, l.brand, l.recorded_by, a.number, n.status AS number_status,
       a.ddtro_ids::text[] AS ddtro_ids, a.raised_at, a.ddtro_id
     FROM intelligence.replacement_alerts a JOIN intelligence.lines l ON l.id = a.line_id
     LEFT JOIN intelligence.line_numbers n ON n.line_id = a.line_id AND n.number = a.number
     WHERE ${visibleLinesSql(1)}
       AND ($2::text IS NULL OR ($2 = 'open') = (a.ddtro_id IS NULL))
     ORDER BY a.raised_at DESC, a.id LIMIT $3`,
    [readableForces(actor), q.status ?? null, Number(q.limit ?? 200)],
  );
  return rows.map((r) => ({
    id: r.id,
    lineId: r.line_id,
    brand: r.brand,
    recordedBy: r.recorded_by,
    number: r.number,
    numberStatus: r.number_status ?? 'unknown',
    ddtroIds: r.ddtro_ids,
    raisedAt: r.raised_at.toISOString(),
    appliedDdtroId: r.ddtro_id,
  }));
}
