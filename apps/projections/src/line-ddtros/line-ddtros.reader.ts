import { EntityManager } from 'typeorm';
import { countLineDdtros, LineWeek } from './line-ddtros';

/**
 * A week's register-line DDTROs per force, in the caller's snapshot, met per line by one rule:
 * the week's outcome flags, and the register's orders applied or granted within the week's
 * window on the week's lines (its focus lines and the lines its results report DDTROs for; an
 * order on a line the week never touched is not the week's). A line whose registration has not
 * arrived yet is credited to the reporting force.
 */
export async function readLineDdtros(
  m: EntityManager,
  operationId: string,
): Promise<Map<string, { applied: number; granted: number }>> {
  const rows: {
    force: string | null;
    register_applied: number;
    register_granted: number;
    reported_applied: number;
    reported_granted: number;
  }[] = await m.query(
    `WITH week AS (
       SELECT o.starts_at, o.ends_at, COALESCE(f.line_ids, '{}') AS focus
       FROM operations o LEFT JOIN focus_map_operations f ON f.operation_id = o.id WHERE o.id = $1),
     reported AS (
       SELECT line_id, sum(applied)::int AS applied, sum(granted)::int AS granted, min(force) AS force
       FROM reported_line_ddtros WHERE operation_id = $1 GROUP BY line_id),
     register AS (
       SELECT d.line_id,
         count(*) FILTER (WHERE d.applied_at BETWEEN w.starts_at AND w.ends_at)::int AS applied,
         count(*) FILTER (WHERE d.granted_at BETWEEN w.starts_at AND w.ends_at)::int AS granted
       FROM register_ddtros d CROSS JOIN week w
       WHERE (d.line_id = ANY(w.focus) OR d.line_id IN (SELECT line_id FROM reported))
         AND (d.applied_at BETWEEN w.starts_at AND w.ends_at OR d.granted_at BETWEEN w.starts_at AND w.ends_at)
       GROUP BY d.line_id)
     SELECT COALESCE(l.recorded_by, rep.force) AS force,
       COALESCE(reg.applied, 0) AS register_applied, COALESCE(reg.granted, 0) AS register_granted,
       COALESCE(rep.applied, 0) AS reported_applied, COALESCE(rep.granted, 0) AS reported_granted
     FROM register reg FULL JOIN reported rep ON rep.line_id = reg.line_id
     LEFT JOIN ddtro_lines l ON l.line_id = COALESCE(reg.line_id, rep.line_id)`,
    [operationId],
  );
  const weeks: LineWeek[] = rows
    .filter((r) => r.force !== null)
    .map((r) => ({
      force: r.force!,
      register: { applied: r.register_applied, granted: r.register_granted },
      reported: { applied: r.reported_applied, granted: r.reported_granted },
    }));
  return countLineDdtros(weeks);
}
