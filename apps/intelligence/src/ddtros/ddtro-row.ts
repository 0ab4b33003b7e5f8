import { EntityManager } from 'typeorm';
import { Actor, Ddtro, DdtroStatus, isUuid } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

export interface DdtroRow {
  id: string;
  line_id: string;
  number: string;
  batch_id: string;
  status: DdtroStatus;
  number_first_seen_at: Date;
  applied_at: Date;
  granted_at: Date | null;
  actioned_at: Date | null;
  refused_at: Date | null;
  refusal_reason: string | null;
  provider_deadline: Date | null;
  provider_overdue: boolean;
  seq: number;
  applied_by: Actor;
  list_seq: string;
  /** The line's brand, when the read joined it. */
  brand?: string;
}

export function toDdtro(r: DdtroRow): Ddtro {
  const iso = (d: Date | null) => d?.toISOString();
  return {
    id: r.id,
    lineId: r.line_id,
    number: r.number,
    batchId: r.batch_id,
    status: r.status,
    appliedAt: r.applied_at.toISOString(),
    ...(r.granted_at && { grantedAt: iso(r.granted_at) }),
    ...(r.actioned_at && { actionedAt: iso(r.actioned_at) }),
    ...(r.refused_at && { refusedAt: iso(r.refused_at) }),
    ...(r.refusal_reason && { refusalReason: r.refusal_reason }),
    ...(r.provider_deadline && { providerDeadline: iso(r.provider_deadline) }),
    providerOverdue: r.provider_overdue,
    numberFirstSeenAt: r.number_first_seen_at.toISOString(),
    ...(r.brand && { brand: r.brand }),
  };
}

export async function readDdtros(
  m: EntityManager,
  filter: { lineId?: string; status?: string; lineIds?: string[] | null; limit?: number },
): Promise<Ddtro[]> {
  const rows: DdtroRow[] = await m.query(
    `SELECT d.*, l.brand FROM intelligence.ddtros d JOIN intelligence.lines l ON l.id = d.line_id
     WHERE ($1::uuid IS NULL OR d.line_id = $1) AND ($2::text IS NULL OR d.status = $2)
       AND ($3::uuid[] IS NULL OR d.line_id = ANY($3))
     ORDER BY d.list_seq DESC LIMIT $4`,
    [filter.lineId ?? null, filter.status ?? null, filter.lineIds ?? null, filter.limit ?? 500],
  );
  return rows.map(toDdtro);
}

export async function lockDdtro(m: EntityManager, id: string): Promise<DdtroRow> {
  const rows: DdtroRow[] = isUuid(id)
    ? await m.query(`SELECT * FROM intelligence.ddtros WHERE id = $1 FOR UPDATE`, [id])
    : [];
  if (!rows[0]) throw new ProblemError('not_found', `No DDTRO with id ${id}`);
  return rows[0];
}
