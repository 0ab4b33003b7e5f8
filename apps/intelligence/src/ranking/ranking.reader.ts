import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  FocusForceOverride,
  FocusLines,
  FocusNetwork,
  LineRanking,
  RankingQuery,
} from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { LineRow, visibleLinesSql } from '../lines/line-row';
import { HARM_METHOD, harmScore } from './harm-score';

type RankRow = LineRow & { linked_lines: number; replaced_numbers: number };

@Injectable()
export class RankingReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Lines in the caller's scope ranked by harm score (ties by brand, then id), each with its factors. */
  async rank(q: RankingQuery, actor: Actor, now: Date): Promise<LineRanking> {
    const asOf = q.asOf ? new Date(q.asOf) : now;
    const rows: RankRow[] = await this.db.query(
      `SELECT l.*,
         (SELECT count(DISTINCT o.id)::int FROM intelligence.lines o
            WHERE o.id <> l.id AND o.status <> 'closed' AND o.holder_refs && l.holder_refs) AS linked_lines,
         (SELECT count(*)::int FROM intelligence.line_numbers n
            WHERE n.line_id = l.id AND n.status = 'replaced') AS replaced_numbers
       FROM intelligence.lines l
       WHERE ${visibleLinesSql(1)} AND l.status = $2
         AND ($3::text IS NULL OR l.exporting_force = $3 OR $3 = ANY(l.importing_forces))`,
      [readableForces(actor), q.status ?? 'active', q.force ?? null],
    );
    const scored = rows.map((r) => {
      const { score, factors } = harmScore(
        {
          riskFactors: r.risk_factors,
          importingForces: r.importing_forces.length,
          linkedLines: r.linked_lines,
          replacedNumbers: r.replaced_numbers,
          lastIntelligenceAt: r.last_intelligence_at?.toISOString() ?? null,
        },
        asOf,
      );
      return { r, score, factors };
    });
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        a.r.brand_key.localeCompare(b.r.brand_key) ||
        a.r.id.localeCompare(b.r.id),
    );
    return {
      asOf: asOf.toISOString(),
      method: HARM_METHOD,
      items: scored.slice(0, Number(q.limit ?? 100)).map((s, i) => ({
        rank: i + 1,
        lineId: s.r.id,
        brand: s.r.brand,
        exportingForce: s.r.exporting_force,
        importingForces: s.r.importing_forces,
        status: s.r.status,
        score: s.score,
        factors: s.factors,
      })),
    };
  }

  /** The week's focus lines and forces, and every override of them; none yet: empty lists. */
  async focusLines(operationId: string): Promise<FocusLines> {
    const [row] = await this.db.query(
      `SELECT line_ids::text[] AS line_ids, line_forces, focus_forces, set_at
       FROM intelligence.operation_focus WHERE operation_id = $1`,
      [operationId],
    );
    const overrides: FocusForceOverride[] = await this.db.query(
      `SELECT force, focus, reason_code AS "reasonCode", reason,
         jsonb_build_object('sub', set_by->>'sub', 'role', set_by->>'role') AS by,
         to_char(set_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
       FROM intelligence.focus_force_overrides WHERE operation_id = $1 ORDER BY id DESC`,
      [operationId],
    );
    return {
      operationId,
      lineIds: row?.line_ids ?? [],
      focusForces: row?.focus_forces ?? [],
      setAt: row?.set_at?.toISOString() ?? null,
      lineForces: row?.line_forces ?? [],
      overrides,
    } as FocusLines;
  }

  /**
   * For each focus line, the other lines sharing at least one of its holders, as the register
   * holds them now. Line ids and counts only: the holders' references stay here.
   */
  async focusNetwork(operationId: string): Promise<FocusNetwork> {
    const rows: { line_id: string; holder_count: number; other_line_ids: string[] }[] =
      await this.db.query(
        `SELECT f.line_id::text AS line_id, cardinality(l.holder_refs) AS holder_count,
           ARRAY(SELECT o.id::text FROM intelligence.lines o
                 WHERE o.id <> l.id AND o.holder_refs && l.holder_refs ORDER BY o.id) AS other_line_ids
         FROM intelligence.operation_focus op
         CROSS JOIN LATERAL unnest(op.line_ids) AS f(line_id)
         JOIN intelligence.lines l ON l.id = f.line_id
         WHERE op.operation_id = $1
         ORDER BY f.line_id`,
        [operationId],
      );
    return {
      operationId,
      lines: rows.map((r) => ({
        lineId: r.line_id,
        holderCount: r.holder_count,
        otherLineIds: r.other_line_ids,
      })),
    };
  }
}
