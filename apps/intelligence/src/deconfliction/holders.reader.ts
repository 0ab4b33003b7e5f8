import { EntityManager } from 'typeorm';
import { Actor, HoldersQuery, LineHolder, minLinkedLines } from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { audit } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { visibleLinesSql } from '../lines/line-row';

/**
 * Line holders linked to at least `linkedLines` lines the caller may see, ranked by how many
 * lines they control (then active ones, then forces reached): the people who run networks
 * come first, not the street dealers who come to notice most. Every read is audited.
 */
export async function listHolders(
  m: EntityManager,
  q: HoldersQuery,
  actor: Actor,
  correlationId: string,
): Promise<LineHolder[]> {
  const rows: {
    ref: string;
    linked: number;
    active: number;
    lines: (LineHolder['lines'][number] & { importingForces: string[] })[];
  }[] = await m.query(
    `SELECT h.ref, count(*)::int AS linked, count(*) FILTER (WHERE l.status = 'active')::int AS active,
       json_agg(json_build_object('lineId', l.id, 'brand', l.brand, 'status', l.status,
         'exportingForce', l.exporting_force, 'importingForces', l.importing_forces) ORDER BY l.brand, l.id) AS lines
     FROM intelligence.lines l CROSS JOIN LATERAL unnest(l.holder_refs) AS h(ref)
     WHERE ${visibleLinesSql(1)}
     GROUP BY h.ref HAVING count(*) >= $2
     ORDER BY linked DESC, active DESC, h.ref LIMIT $3`,
    [readableForces(actor), minLinkedLines(q), Number(q.limit ?? 100)],
  );
  await audit(m, SCHEMA, [
    {
      actor,
      action: 'line-holders.read',
      subjectId: 'line-holders',
      correlationId,
      details: { holderRefs: rows.map((r) => r.ref), minLinkedLines: minLinkedLines(q) },
    },
  ]);
  return rows.map((r) => ({
    holderRef: r.ref,
    linkedLines: r.linked,
    activeLines: r.active,
    forces: [...new Set(r.lines.flatMap((l) => [l.exportingForce, ...l.importingForces]))].sort(),
    lines: r.lines.map(({ importingForces: _, ...l }) => l),
  }));
}
