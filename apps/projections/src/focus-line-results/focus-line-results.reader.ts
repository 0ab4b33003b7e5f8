import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FocusLineResults, FocusNetwork } from '@intensify/contracts';
import { FocusLinePlace } from '../focus-map/focus-map';
import {
  focusLineResults,
  LineDdtro,
  LineOutcome,
  LineTasking,
  LineVersion,
} from './focus-line-results';

/**
 * A week's focus-line results: its focus lines as picked (the focus map's row), the register's
 * line versions and orders, and the week's outcomes and taskings on those lines and on the
 * holders' other lines named by `network` (which the register alone knows). One snapshot.
 */
@Injectable()
export class FocusLineResultsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(operationId: string, network: FocusNetwork): Promise<FocusLineResults> {
    const others = [...new Set(network.lines.flatMap((l) => l.otherLineIds))];
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const [op] = (await m.query(`SELECT starts_at, ends_at FROM operations WHERE id = $1`, [
        operationId,
      ])) as { starts_at: Date; ends_at: Date }[];
      const [picked] = (await m.query(
        `SELECT lines, updated_at FROM focus_map_operations WHERE operation_id = $1`,
        [operationId],
      )) as { lines: FocusLinePlace[]; updated_at: Date }[];
      const focus = picked?.lines ?? [];
      const lineIds = [...new Set([...focus.map((f) => f.lineId), ...others])];
      const history = (await m.query(
        `SELECT line_id AS "lineId", seq, at, brand, status, closure_type AS "closureType"
         FROM focus_line_history WHERE line_id = ANY($1::uuid[])`,
        [lineIds],
      )) as (Omit<LineVersion, 'at'> & { at: Date })[];
      const outcomes = (await m.query(
        `SELECT line_id AS "lineId", force, type, action, ddtro_applied AS "ddtroApplied",
           ddtro_granted AS "ddtroGranted"
         FROM focus_line_outcomes
         WHERE operation_id = $1 AND line_id = ANY($2::uuid[]) AND NOT retracted`,
        [operationId, lineIds],
      )) as LineOutcome[];
      const taskings = (await m.query(
        `SELECT tasking_id AS "taskingId", line_id AS "lineId", force, status, overdue
         FROM focus_line_taskings WHERE operation_id = $1 AND line_id = ANY($2::uuid[])`,
        [operationId, focus.map((f) => f.lineId)],
      )) as LineTasking[];
      const ddtros = (await m.query(
        `SELECT line_id AS "lineId", applied_at AS "appliedAt", granted_at AS "grantedAt",
           actioned_at AS "actionedAt"
         FROM register_ddtros WHERE line_id = ANY($1::uuid[])`,
        [focus.map((f) => f.lineId)],
      )) as {
        lineId: string;
        appliedAt: Date | null;
        grantedAt: Date | null;
        actionedAt: Date | null;
      }[];
      const [meta] = (await m.query(`SELECT updated_at FROM board_meta WHERE operation_id = $1`, [
        operationId,
      ])) as { updated_at: Date }[];
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      const dated = ddtros.map((d): LineDdtro => ({
        lineId: d.lineId,
        appliedAt: iso(d.appliedAt),
        grantedAt: iso(d.grantedAt),
        actionedAt: iso(d.actionedAt),
      }));
      // Figures as of the latest change any of them saw.
      const changes = [
        meta?.updated_at,
        picked?.updated_at,
        ...history.map((h) => h.at),
        ...ddtros.flatMap((d) => [d.appliedAt, d.grantedAt, d.actionedAt]),
      ].filter((d): d is Date => !!d);
      const asOf = changes.length ? new Date(Math.max(...changes.map(Number))) : new Date();
      return focusLineResults({
        operationId,
        asOf: asOf.toISOString(),
        startsAt: iso(op?.starts_at ?? null),
        endsAt: iso(op?.ends_at ?? null),
        focus,
        network: network.lines,
        history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
        outcomes,
        taskings,
        ddtros: dated,
      });
    });
  }
}
