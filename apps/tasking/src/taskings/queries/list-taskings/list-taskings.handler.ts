import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, Tasking } from '@intensify/contracts';
import { readableForces } from '@intensify/auth';
import { forcesInRegion, RegionCode } from '@intensify/reference-data';
import { ProblemError } from '@intensify/problems';
import { TaskingRow, toTasking } from '../../tasking-row';
import { ListTaskingsQuery } from './list-taskings.query';

/** Newest first, within the caller's scope; the cursor is the last item's sequence. */
@QueryHandler(ListTaskingsQuery)
export class ListTaskingsHandler implements IQueryHandler<ListTaskingsQuery, Page<Tasking>> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ filter, actor }: ListTaskingsQuery): Promise<Page<Tasking>> {
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
