import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Handoff, HandoffListQuery, isUuid, Page } from '@intensify/contracts';
import { may, mayAttempt, readableForces } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { loadHandoff, loadHandoffs } from './handoff-loader';
import { HandoffRow, handoffNotFound } from './handoff-row';

export type HandoffFilter = Omit<HandoffListQuery, 'limit'> & { limit: number };

/** Commanders see hand-offs only as counts on the board. */
function assertMayRead(actor: Actor): void {
  if (!mayAttempt(actor, 'handoff.read'))
    throw new ProblemError(
      'forbidden_scope',
      `Role ${actor.role} sees hand-offs only as counts on the board`,
    );
}

@Injectable()
export class HandoffsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Newest first, within the caller's scope (a hand-off found in or owned by a force it may
   * read); the cursor is the last item's sequence. One snapshot for rows and their history.
   */
  async list(filter: HandoffFilter, actor: Actor): Promise<Page<Handoff>> {
    assertMayRead(actor);
    const before = filter.cursor ? decodeCursor(filter.cursor) : null;
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const rows: HandoffRow[] = await m.query(
        `SELECT * FROM safeguarding.handoffs
         WHERE ($1::text[] IS NULL OR found_force = ANY($1) OR home_force = ANY($1))
           AND ($2::uuid IS NULL OR operation_id = $2)
           AND ($3::text IS NULL OR home_force = $3)
           AND ($4::text IS NULL OR found_force = $4)
           AND ($5::text IS NULL OR status = $5)
           AND ($6::boolean IS NULL OR overdue = $6)
           AND ($7::bigint IS NULL OR list_seq < $7)
         ORDER BY list_seq DESC LIMIT $8`,
        [
          readableForces(actor),
          filter.operationId ?? null,
          filter.homeForce ?? null,
          filter.foundForce ?? null,
          filter.status ?? null,
          filter.overdue === undefined ? null : filter.overdue === 'true',
          before,
          filter.limit + 1,
        ],
      );
      const page = rows.slice(0, filter.limit);
      return {
        items: await loadHandoffs(m, page),
        nextCursor:
          rows.length > filter.limit
            ? Buffer.from(`h:${page[page.length - 1].list_seq}`).toString('base64url')
            : null,
      };
    });
  }

  /** One hand-off with every step it went through, oldest first; 403 outside the caller's scope. */
  async get(id: string, actor: Actor): Promise<Handoff> {
    assertMayRead(actor);
    if (!isUuid(id)) throw handoffNotFound(id);
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const [row]: HandoffRow[] = await m.query(
        `SELECT * FROM safeguarding.handoffs WHERE id = $1`,
        [id],
      );
      if (!row) throw handoffNotFound(id);
      if (!may(actor, 'handoff.read', { forces: [row.found_force, row.home_force] }))
        throw new ProblemError('forbidden_scope', `Hand-off ${id} is outside your scope`);
      return loadHandoff(m, row);
    });
  }
}

function decodeCursor(cursor: string): string {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^h:(\d{1,19})$/);
  if (!m)
    throw ProblemError.validation([
      { field: 'cursor', message: 'is not a cursor this API gave out' },
    ]);
  return m[1];
}
