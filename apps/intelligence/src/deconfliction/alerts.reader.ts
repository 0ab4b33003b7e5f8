import { EntityManager } from 'typeorm';
import {
  Actor,
  AlertActor,
  AlertsQuery,
  DeconflictionAlert,
  DeconflictionKind,
  DeconflictionStatus,
} from '@intensify/contracts';
import { readScope } from '@intensify/auth';
import { audit } from '@intensify/persistence';
import { SCHEMA } from '../config';

export interface AlertRow {
  id: string;
  kind: DeconflictionKind;
  value: string;
  forces: string[];
  regions: string[];
  line_ids: string[];
  seq: number;
  raised_at: Date;
  updated_at: Date;
  status: DeconflictionStatus;
  handed_region: string | null;
  handed_at: Date | null;
  handed_by: AlertActor | null;
  acknowledged_at: Date | null;
  acknowledged_by: AlertActor | null;
  resolved_at: Date | null;
  resolved_by: AlertActor | null;
  resolution_note: string | null;
}

/** Every column of an alert, its line ids as text. */
export const ALERT_COLUMNS = `a.*, a.line_ids::text[] AS line_ids`;

/**
 * Alerts the caller may see: the NCLCC (and national commanders) all; a region those that
 * concern it or are handed to it; a force those where it is one of the recording forces.
 */
function scopeSql(actor: Actor): [string, unknown[]] {
  const { forces, regions } = readScope(actor);
  return [
    `($1::text[] IS NULL OR a.forces && $1::text[] OR a.regions && $2::text[] OR a.handed_region = ANY($2::text[]))`,
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
    `SELECT ${ALERT_COLUMNS} FROM intelligence.deconfliction_alerts a
     WHERE ${scope} AND ($3::text IS NULL OR a.kind = $3) AND ($4::text IS NULL OR $4 = ANY(a.forces))
       AND ($5::text IS NULL OR a.status = $5)
     ORDER BY a.updated_at DESC, a.id LIMIT $6`,
    [...params, q.kind ?? null, q.force ?? null, q.status ?? null, Number(q.limit ?? 100)],
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
    `SELECT ${ALERT_COLUMNS} FROM intelligence.deconfliction_alerts a
     WHERE $1::uuid = ANY(a.line_ids) ORDER BY a.raised_at, a.id`,
    [lineId],
  );
  return toAlerts(m, rows, actor, correlationId);
}

/** A holder match shows its reference: that read is audited like any other. */
export async function toAlerts(
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
  return rows.map(toAlert);
}

/** An alert as the API gives it: who took each step and when, only for steps taken. */
export function toAlert(r: AlertRow): DeconflictionAlert {
  const step = (name: string, at: Date | null, by: AlertActor | null) =>
    at && by ? { [`${name}At`]: at.toISOString(), [`${name}By`]: by } : {};
  return {
    id: r.id,
    kind: r.kind,
    value: r.value,
    forces: r.forces,
    regions: r.regions,
    lineIds: r.line_ids,
    raisedAt: r.raised_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    status: r.status,
    region: r.handed_region,
    ...step('acknowledged', r.acknowledged_at, r.acknowledged_by),
    ...step('resolved', r.resolved_at, r.resolved_by),
    ...(r.resolution_note && { resolutionNote: r.resolution_note }),
    ...step('handed', r.handed_at, r.handed_by),
  };
}
