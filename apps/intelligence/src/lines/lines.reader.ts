import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  isUuid,
  Line,
  LineListQuery,
  LineLookup,
  normalizeNumber,
  Page,
} from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { forcesInRegion, RegionCode } from '@intensify/reference-data';
import { ProblemError } from '@intensify/problems';
import { audit } from '@intensify/persistence';
import { SCHEMA } from '../config';
import { readDdtros } from '../ddtros/ddtro-row';
import { alertsOfLine } from '../deconfliction/alerts.reader';
import {
  forcesOfLine,
  LineRow,
  mayReadLine,
  numbersOf,
  readLine,
  toLine,
  visibleLinesSql,
} from './line-row';

export interface LineDetail extends Line {
  ddtros: unknown[];
  deconfliction: unknown[];
  replacementAlerts: unknown[];
}

@Injectable()
export class LinesReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The lines these ids name, with the forces each concerns: the gateway decides scope with the
   * one policy. Ids that are not uuids or not in the register are left out.
   */
  async lookup(ids: string[]): Promise<LineLookup> {
    const wanted = [...new Set(ids.filter(isUuid))];
    const rows: Pick<LineRow, 'id' | 'recorded_by' | 'exporting_force' | 'importing_forces'>[] =
      wanted.length
        ? await this.db.query(
            `SELECT id, recorded_by, exporting_force, importing_forces FROM intelligence.lines
             WHERE id = ANY($1::uuid[])`,
            [wanted],
          )
        : [];
    return { lines: rows.map((r) => ({ id: r.id, forces: forcesOfLine(r) })) };
  }

  /** Newest first, within the caller's scope; `q` matches a brand (contains) or a number. */
  async list(q: LineListQuery, actor: Actor): Promise<Page<Line>> {
    const limit = Number(q.limit ?? 50);
    const number = q.q ? normalizeNumber(q.q) : null;
    const rows: LineRow[] = await this.db.query(
      `SELECT l.* FROM intelligence.lines l
       WHERE ${visibleLinesSql(1)}
         AND ($2::text IS NULL OR l.brand_key LIKE '%' || lower($2) || '%'
              OR EXISTS (SELECT 1 FROM intelligence.line_numbers n WHERE n.line_id = l.id AND n.number = $3))
         AND ($4::text IS NULL OR l.recorded_by = $4 OR l.exporting_force = $4 OR $4 = ANY(l.importing_forces))
         AND ($5::text[] IS NULL OR l.recorded_by = ANY($5) OR l.exporting_force = ANY($5) OR l.importing_forces && $5)
         AND ($6::text IS NULL OR l.status = $6)
         AND ($7::bigint IS NULL OR l.list_seq < $7)
       ORDER BY l.list_seq DESC LIMIT $8`,
      [
        readableForces(actor),
        q.q?.trim() ? q.q.trim().replace(/[%_\\]/g, '\\$&') : null,
        number,
        q.force ?? null,
        q.region ? forcesInRegion(q.region as RegionCode) : null,
        q.status ?? null,
        q.cursor ? decodeCursor(q.cursor) : null,
        limit + 1,
      ],
    );
    const page = rows.slice(0, limit);
    const numbers = await numbersOf(
      this.db.manager,
      page.map((r) => r.id),
    );
    return {
      items: page.map((r) => toLine(r, numbers)),
      nextCursor:
        rows.length > limit
          ? Buffer.from(`l:${page[page.length - 1].list_seq}`).toString('base64url')
          : null,
    };
  }

  /**
   * One line with its holder references, number history, orders and alerts, from one snapshot.
   * Reading holder references is audited in the same transaction.
   */
  async get(id: string, actor: Actor, correlationId: string): Promise<LineDetail> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const row = await readLine(m, id);
      if (!mayReadLine(actor, row))
        throw new ProblemError('forbidden_scope', `Line ${id} is outside your scope`);
      const numbers = await numbersOf(m, [id]);
      const history: {
        number: string;
        event: string;
        at: Date;
        details: Record<string, unknown>;
      }[] = await m.query(
        `SELECT number, event, at, details FROM intelligence.number_history WHERE line_id = $1 ORDER BY at, id`,
        [id],
      );
      const replacements: { id: string; number: string; ddtro_ids: string[]; raised_at: Date }[] =
        await m.query(
          `SELECT id, number, ddtro_ids::text[] AS ddtro_ids, raised_at FROM intelligence.replacement_alerts
           WHERE line_id = $1 ORDER BY raised_at, number`,
          [id],
        );
      if (row.holder_refs.length)
        await audit(m, SCHEMA, [
          {
            actor,
            action: 'line-holders.read',
            subjectId: id,
            correlationId,
            details: { holderRefs: row.holder_refs },
          },
        ]);
      return {
        ...toLine(row, numbers, true),
        numberHistory: history.map((h) => ({
          number: h.number,
          event: h.event as 'seen',
          at: h.at.toISOString(),
          details: h.details,
        })),
        ddtros: await readDdtros(m, { lineId: id }),
        deconfliction: await alertsOfLine(m, id, actor, correlationId),
        replacementAlerts: replacements.map((r) => ({
          id: r.id,
          lineId: id,
          number: r.number,
          ddtroIds: r.ddtro_ids,
          raisedAt: r.raised_at.toISOString(),
        })),
      };
    });
  }
}

function decodeCursor(cursor: string): string {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^l:(\d{1,19})$/);
  if (!m)
    throw ProblemError.validation([
      { field: 'cursor', message: 'is not a cursor this API gave out' },
    ]);
  return m[1];
}
