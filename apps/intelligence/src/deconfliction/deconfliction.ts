import {
  DECONFLICTION_RAISED,
  DeconflictionKind,
  DeconflictionRaisedV1,
} from '@intensify/contracts';
import { regionOfForce } from '@intensify/reference-data';
import { recordChanges, WriteContext } from '@intensify/messaging';

interface Shared {
  value: string;
  forces: string[];
  concerned: string[];
  line_ids: string[];
}

/**
 * Spots numbers and holder references that lines recorded by more than one force share, for the
 * given lines. A new match raises `deconfliction.raised`; a match that gains a force or a line
 * raises it again with the next `seq`; one that is already known as it is raises nothing.
 */
export async function deconflict(ctx: WriteContext, lineIds: string[]): Promise<void> {
  if (lineIds.length === 0) return;
  const byNumber: Shared[] = await ctx.m.query(
    `WITH mine AS (SELECT DISTINCT number FROM intelligence.line_numbers WHERE line_id = ANY($1::uuid[]))
     SELECT n.number AS value, array_agg(DISTINCT l.recorded_by ORDER BY l.recorded_by) AS forces,
       array_agg(DISTINCT l.id ORDER BY l.id)::text[] AS line_ids,
       (SELECT array_agg(DISTINCT f) FROM intelligence.lines l2
          CROSS JOIN LATERAL unnest(l2.importing_forces || l2.exporting_force || l2.recorded_by) f
          WHERE l2.id IN (SELECT line_id FROM intelligence.line_numbers WHERE number = n.number)) AS concerned
     FROM intelligence.line_numbers n JOIN intelligence.lines l ON l.id = n.line_id
     WHERE n.number IN (SELECT number FROM mine)
     GROUP BY n.number HAVING count(DISTINCT l.recorded_by) > 1`,
    [lineIds],
  );
  const byHolder: Shared[] = await ctx.m.query(
    `WITH mine AS (SELECT DISTINCT unnest(holder_refs) AS ref FROM intelligence.lines WHERE id = ANY($1::uuid[]))
     SELECT h.ref AS value, array_agg(DISTINCT l.recorded_by ORDER BY l.recorded_by) AS forces,
       array_agg(DISTINCT l.id ORDER BY l.id)::text[] AS line_ids,
       (SELECT array_agg(DISTINCT f) FROM intelligence.lines l2
          CROSS JOIN LATERAL unnest(l2.importing_forces || l2.exporting_force || l2.recorded_by) f
          WHERE h.ref = ANY(l2.holder_refs)) AS concerned
     FROM intelligence.lines l CROSS JOIN LATERAL unnest(l.holder_refs) AS h(ref)
     WHERE h.ref IN (SELECT ref FROM mine)
     GROUP BY h.ref HAVING count(DISTINCT l.recorded_by) > 1`,
    [lineIds],
  );
  for (const s of byNumber) await upsertAlert(ctx, 'number', s);
  for (const s of byHolder) await upsertAlert(ctx, 'holder', s);
}

export function regionsOf(forces: string[]): string[] {
  return [
    ...new Set(forces.map((f) => regionOfForce(f)).filter((r): r is NonNullable<typeof r> => !!r)),
  ].sort();
}

async function upsertAlert(ctx: WriteContext, kind: DeconflictionKind, s: Shared): Promise<void> {
  const regions = regionsOf(s.concerned);
  const [known]: { id: string; seq: number; forces: string[]; line_ids: string[] }[] =
    await ctx.m.query(
      `SELECT id, seq, forces, line_ids::text[] AS line_ids FROM intelligence.deconfliction_alerts WHERE kind = $1 AND value = $2`,
      [kind, s.value],
    );
  if (known && covers(known.forces, s.forces) && covers(known.line_ids, s.line_ids)) return;
  const [row]: { id: string; seq: number }[] = known
    ? (
        await ctx.m.query(
          // A resolved match that gains a force or a line is a new question: it opens again.
          `UPDATE intelligence.deconfliction_alerts SET forces = $2, regions = $3, line_ids = $4, seq = seq + 1, updated_at = $5,
             status = CASE WHEN status = 'resolved' THEN 'open' ELSE status END
           WHERE id = $1 RETURNING id, seq`,
          [
            known.id,
            union(known.forces, s.forces),
            regions,
            union(known.line_ids, s.line_ids),
            ctx.now,
          ],
        )
      )[0]
    : await ctx.m.query(
        `INSERT INTO intelligence.deconfliction_alerts (id, kind, value, forces, regions, line_ids, raised_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $6) RETURNING id, seq`,
        [kind, s.value, s.forces, regions, s.line_ids, ctx.now],
      );
  const [alert]: { forces: string[]; line_ids: string[] }[] = await ctx.m.query(
    `SELECT forces, line_ids::text[] AS line_ids FROM intelligence.deconfliction_alerts WHERE id = $1`,
    [row.id],
  );
  const payload: DeconflictionRaisedV1 = {
    alertId: row.id,
    seq: row.seq,
    kind,
    forces: alert.forces,
    regions,
    lineIds: alert.line_ids,
  };
  // The matched value (a number or a holder reference) stays in the register, off the bus.
  await recordChanges(ctx, [{ kind: DECONFLICTION_RAISED, aggregateId: row.id, payload }]);
}

function covers(have: string[], want: string[]): boolean {
  return want.every((w) => have.includes(w));
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
