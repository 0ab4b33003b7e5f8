import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  isUuid,
  Page,
  Tasking,
  TaskingHistoryEntry,
  TaskingStatus,
} from '@intensify/contracts';
import { may, readableForces } from '@intensify/auth';
import { forcesInRegion, RegionCode } from '@intensify/reference-data';
import { ProblemError } from '@intensify/problems';
import { TaskingRow, taskingNotFound, toTasking } from './tasking-row';

export interface TaskingFilter {
  operationId?: string;
  force?: string;
  region?: string;
  status?: TaskingStatus;
  cursor?: string;
  limit: number;
}

interface HistoryRow {
  seq: number;
  type: string;
  at: Date;
  actor: TaskingHistoryEntry['actor'];
  from_status: TaskingHistoryEntry['from'];
  to_status: TaskingHistoryEntry['to'];
  details: Record<string, unknown>;
}

@Injectable()
export class TaskingsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, within the caller's scope; the cursor is the last item's sequence. */
  async list(filter: TaskingFilter, actor: Actor): Promise<Page<Tasking>> {
    const rows: TaskingRow[] = await this.db.query(
      `SELECT * FROM tasking.taskings
       WHERE ($1::uuid IS NULL OR operation_id = $1)
         AND ($2::text[] IS NULL OR force = ANY($2))
         AND ($3::text[] IS NULL OR force = ANY($3))
         AND ($4::text IS NULL OR force = $4)
         AND ($5::text IS NULL OR status = $5)
         AND ($6::bigint IS NULL OR list_seq < $6)
       ORDER BY list_seq DESC LIMIT $7`,
      [
        filter.operationId ?? null,
        readableForces(actor),
        filter.region ? forcesInRegion(filter.region as RegionCode) : null,
        filter.force ?? null,
        filter.status ?? null,
        filter.cursor ? decodeCursor(filter.cursor) : null,
        filter.limit + 1,
      ],
    );
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((r) => toTasking(r)),
      nextCursor:
        rows.length > filter.limit
          ? Buffer.from(`t:${page[page.length - 1].list_seq}`).toString('base64url')
          : null,
    };
  }

  /** One tasking with every event it went through, oldest first. */
  async get(id: string, actor: Actor): Promise<Tasking> {
    if (!isUuid(id)) throw taskingNotFound(id);
    // One snapshot, so the history never runs ahead of (or behind) the state shown with it.
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const [row]: TaskingRow[] = await m.query(`SELECT * FROM tasking.taskings WHERE id = $1`, [
        id,
      ]);
      if (!row) throw taskingNotFound(id);
      if (!may(actor, 'tasking.read', { force: row.force }))
        throw new ProblemError('forbidden_scope', `Tasking ${id} is outside your scope`);
      const history: HistoryRow[] = await m.query(
        `SELECT * FROM tasking.tasking_history WHERE tasking_id = $1 ORDER BY seq`,
        [id],
      );
      return toTasking(
        row,
        history.map((h) => ({
          seq: h.seq,
          type: h.type,
          at: h.at.toISOString(),
          actor: h.actor,
          from: h.from_status,
          to: h.to_status,
          details: h.details,
        })),
      );
    });
  }
}

function decodeCursor(cursor: string): string {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^t:(\d{1,19})$/);
  if (!m)
    throw ProblemError.validation([
      { field: 'cursor', message: 'is not a cursor this API gave out' },
    ]);
  return m[1];
}
