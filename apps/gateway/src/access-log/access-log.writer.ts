import { Inject, Injectable, Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { AccessLogEntry } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { ACCESS_POOL } from './access-log.pool';
import { Disclosed } from './person-level.decorator';

/** An entry as written: the export's row count follows once the file is written. */
export type AccessLogRecord = Pick<AccessLogEntry, 'who' | 'purpose' | 'correlationId'> &
  AccessLogEntry['what'] & { exportKind?: string };

/** Writes entries before the data leaves; a failed write is a 503 so nothing is disclosed. */
@Injectable()
export class AccessLogWriter {
  private readonly logger = new Logger(AccessLogWriter.name);

  constructor(@Inject(ACCESS_POOL) private readonly pool: Pool) {}

  async write(r: AccessLogRecord): Promise<string> {
    const rows = await this.durably<{ id: string }>(
      `INSERT INTO access.access_log (sub, role, region, force, data, route, path, resource_ids,
         subject_refs, purpose, correlation_id, export_kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        r.who.sub,
        r.who.role,
        r.who.region ?? null,
        r.who.force ?? null,
        r.data,
        r.route,
        r.path,
        r.resourceIds,
        r.subjectRefs,
        r.purpose,
        r.correlationId,
        r.exportKind ?? null,
      ],
    );
    return rows[0].id;
  }

  /** An export's row count, known once its last row is written and before it is complete. */
  async countRows(id: string, rows: number): Promise<void> {
    await this.durably('UPDATE access.access_log SET export_rows = $2 WHERE id = $1', [id, rows]);
  }

  /** What a stream pushed since it was logged, added to its entry before the push goes out. */
  async addDisclosed(id: string, d: Disclosed): Promise<void> {
    await this.durably(
      `UPDATE access.access_log SET
         resource_ids = ARRAY(SELECT DISTINCT unnest(resource_ids || $2::text[])),
         subject_refs = ARRAY(SELECT DISTINCT unnest(subject_refs || $3::text[]))
       WHERE id = $1`,
      [id, d.resourceIds ?? [], d.subjectRefs ?? []],
    );
  }

  private async durably<T>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query(sql, params)).rows;
    } catch (e) {
      this.logger.error(`access log not written: ${(e as { code?: string }).code ?? 'no answer'}`);
      throw new ProblemError(
        'service_unavailable',
        'The access log could not be written, so nothing was disclosed; try again',
      );
    }
  }
}
