import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  InboxItem,
  InboxPage,
  InboxQuery,
  InboxReadRequest,
  NotificationKind,
} from '@intensify/contracts';
import { inboxAudiences } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';

const DEFAULT_LIMIT = 50;

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  at: Date;
  title: string;
  href: string;
  operation_id: string | null;
  tasking_id: string | null;
  handoff_id: string | null;
  line_id: string | null;
  alert_id: string | null;
  ddtro_id: string | null;
  force: string | null;
  region: string | null;
  read: boolean;
}

/**
 * One user's inbox: the notifications addressed to the audiences their role and scope belong
 * to, each read or not by that user. Read marks live outside the rebuilt schema (see the
 * migration), keyed by the user's `sub`.
 */
@Injectable()
export class InboxReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first; the cursor is the last item's time and id. One snapshot for page and count. */
  list(actor: Actor, query: InboxQuery): Promise<InboxPage> {
    const limit = query.limit ? Number(query.limit) : DEFAULT_LIMIT;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const rows: NotificationRow[] = await m.query(
        `SELECT n.*, (r.sub IS NOT NULL) AS read
         FROM inbox_notifications n
         LEFT JOIN projections_user.inbox_reads r ON r.sub = $2 AND r.notification_id = n.id
         WHERE n.audiences && $1::text[]
           AND (NOT $3::boolean OR r.sub IS NULL)
           AND ($4::timestamptz IS NULL OR (n.at, n.id) < ($4::timestamptz, $5::uuid))
         ORDER BY n.at DESC, n.id DESC LIMIT $6`,
        [
          inboxAudiences(actor),
          actor.sub,
          query.unread === 'true',
          after?.at ?? null,
          after?.id ?? null,
          limit + 1,
        ],
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toItem),
        nextCursor: rows.length > limit ? encodeCursor(last.at, last.id) : null,
        unread: await unreadOf(m, actor),
      };
    });
  }

  unread(actor: Actor): Promise<number> {
    return unreadOf(this.db.manager, actor);
  }

  /**
   * Marks `ids` read, all or nothing: one not in the caller's inbox (outside their scope, or
   * no notification at all) is refused. `all` marks every one in it. Answers what is unread.
   */
  async markRead(actor: Actor, request: InboxReadRequest): Promise<number> {
    const ids = 'ids' in request ? request.ids : null;
    const audiences = inboxAudiences(actor);
    return this.db.transaction(async (m) => {
      const found: { id: string }[] = await m.query(
        `SELECT id FROM inbox_notifications
         WHERE audiences && $1::text[] AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
        [audiences, ids],
      );
      if (ids && found.length < ids.length) {
        const mine = new Set(found.map((r) => r.id));
        const others = ids.filter((id) => !mine.has(id));
        throw new ProblemError(
          'forbidden_scope',
          `Not in your inbox: ${others.join(', ')}; nothing was marked read`,
        );
      }
      await m.query(
        `INSERT INTO projections_user.inbox_reads (sub, notification_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [actor.sub, found.map((r) => r.id)],
      );
      return unreadOf(m, actor);
    });
  }
}

async function unreadOf(m: EntityManager, actor: Actor): Promise<number> {
  const [{ n }]: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM inbox_notifications n
     WHERE n.audiences && $1::text[] AND NOT EXISTS (
       SELECT 1 FROM projections_user.inbox_reads r WHERE r.sub = $2 AND r.notification_id = n.id)`,
    [inboxAudiences(actor), actor.sub],
  );
  return n;
}

function toItem(r: NotificationRow): InboxItem {
  const optional = {
    operationId: r.operation_id,
    taskingId: r.tasking_id,
    handoffId: r.handoff_id,
    lineId: r.line_id,
    alertId: r.alert_id,
    ddtroId: r.ddtro_id,
    force: r.force,
    region: r.region,
  };
  return {
    id: r.id,
    kind: r.kind,
    at: r.at.toISOString(),
    title: r.title,
    href: r.href,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
    read: r.read,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`n:${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^n:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/);
  if (!m)
    throw ProblemError.validation([
      { field: 'cursor', message: 'is not a cursor this API gave out' },
    ]);
  return { at: m[1], id: m[2] };
}
