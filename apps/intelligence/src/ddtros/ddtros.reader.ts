import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Ddtro,
  DdtroListQuery,
  DdtroStats,
  ReplacementAlertItem,
  ReplacementAlertsQuery,
} from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { visibleLinesSql } from '../lines/line-row';
import { readDdtros } from './ddtro-row';
import { listReplacementAlerts } from './replacement-alerts.reader';

@Injectable()
export class DdtrosReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Orders on the lines the caller may see, newest first. */
  async list(q: DdtroListQuery, actor: Actor): Promise<Ddtro[]> {
    const forces = readableForces(actor);
    const lineIds = forces ? await this.visibleLineIds(forces) : null;
    return readDdtros(this.db.manager, { ...q, lineIds, limit: Number(q.limit ?? 200) });
  }

  replacementAlerts(q: ReplacementAlertsQuery, actor: Actor): Promise<ReplacementAlertItem[]> {
    return listReplacementAlerts(this.db.manager, q, actor);
  }

  /**
   * Counts by status and the median time from a number first seen to its order granted, over
   * every order ever granted on the lines the caller may see (hours, to the second).
   */
  async stats(actor: Actor): Promise<DdtroStats> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE d.status = 'applied')::int AS applied,
         count(*) FILTER (WHERE d.status = 'granted')::int AS granted,
         count(*) FILTER (WHERE d.status = 'provider-actioned')::int AS actioned,
         count(*) FILTER (WHERE d.status = 'refused')::int AS refused,
         count(*) FILTER (WHERE d.provider_overdue)::int AS overdue,
         count(d.granted_at)::int AS sample,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.granted_at - d.number_first_seen_at))
           FILTER (WHERE d.granted_at IS NOT NULL) AS median_seconds
       FROM intelligence.ddtros d JOIN intelligence.lines l ON l.id = d.line_id
       WHERE ${visibleLinesSql(1)}`,
      [readableForces(actor)],
    );
    return {
      applied: row.applied,
      granted: row.granted,
      actioned: row.actioned,
      refused: row.refused,
      providerOverdue: row.overdue,
      medianFirstSeenToGrantedHours:
        row.median_seconds === null
          ? null
          : Math.round((Number(row.median_seconds) / 3600) * 1000) / 1000,
      grantedSample: row.sample,
    };
  }

  private async visibleLineIds(forces: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT l.id FROM intelligence.lines l WHERE ${visibleLinesSql(1)}`,
      [forces],
    );
    return rows.map((r) => r.id);
  }
}
