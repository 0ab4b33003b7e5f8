import { EntityManager } from 'typeorm';
import { Actor, AlertsQuery, DeconflictionAlert, DeconflictionKind } from '@intensify/contracts';
import { readScope } from '@intensify/auth';
import { audit } from '@intensify/persistence';
import { SCHEMA } from '../config';

interface AlertRow {
  id: string;
  kind: DeconflictionKind;
  value: string;
  forces: string[];
  regions: string[];
  line_ids: string[];
  raised_at: Date;
  updated_at: Date;
}

/**
 * Alerts the caller may see: the NCLCC (and national commanders) all; a region those that
 * concern it; a force those where it is one of the recording forces.
 */
function scopeSql(actor: Actor): [string, unknown[]] {
  const { forces, regions } = readScope(actor);
  return [
    `($1::text[] IS NULL OR a.forces && $1::text[] OR a.regions && $2::text[])`,
    [forces, regions ?? []],
  ];
}

export async function listAlerts(
  m: EntityManager,
  q: AlertsQuery,
  actor: Actor,
  correlationId: string,
): Promise<DeconflictionAlert[]> {
  const [scope, params] = scopeSql(actor);
  const rows: AlertRow[] = await m.query(
    `SELECT a.*, a.line_ids::text[] AS line_ids FROM intelligence.deconfliction_alerts a
     WHERE ${scope} AND ($3::text IS NULL OR a.kind = $3) AND ($4::text IS NULL OR $4 = ANY(a.forces))
     ORDER BY a.updated_at DESC, a.id LIMIT $5`,
    [...params, q.kind ?? null, q.force ?? null, Number(q.limit ?? 100)],
  );
  return toAlerts(m, rows, actor, correlationId);
}

export async function alertsOfLine(
  m: EntityManager,
  lineId: string,
  actor: Actor,
  correlationId: string,
): Promise<DeconflictionAlert[]> {
  const rows: AlertRow[] = await m.query(
    `SELECT a.*, a.line_ids::text[] AS line_ids FROM intelligence.deconfliction_alerts a
     WHERE $1::uuid = ANY(a.line_ids) ORDER BY a.raised_at, a.id`,
    [lineId],
  );
  return toAlerts(m, rows, actor, correlationId);
}

/** A holder match shows its reference: that read is audited like any other. */
async function toAlerts(
  m: EntityManager,
  rows: AlertRow[],
  actor: Actor,
  correlationId: string,
): Promise<DeconflictionAlert[]> {
  await audit(
    m,
    SCHEMA,
    rows
      .filter((r) => r.kind === 'holder')
      .map((r) => ({
        actor,
        action: 'line-holders.read',
        subjectId: r.id,
        correlationId,
        details: { holderRefs: [r.value], via: 'deconfliction' },
      })),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    value: r.value,
    forces: r.forces,
    regions: r.regions,
    lineIds: r.line_ids,
    raisedAt: r.raised_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
}
