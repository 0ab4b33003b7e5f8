import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid, Tasking, TaskingHistoryEntry } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { TaskingRow, taskingNotFound, toTasking } from '../../tasking-row';
import { GetTaskingQuery } from './get-tasking.query';

interface HistoryRow {
  seq: number;
  type: string;
  at: Date;
  actor: TaskingHistoryEntry['actor'];
  from_status: TaskingHistoryEntry['from'];
  to_status: TaskingHistoryEntry['to'];
  details: Record<string, unknown>;
}

/** One tasking with every event it went through, oldest first. */
@QueryHandler(GetTaskingQuery)
export class GetTaskingHandler implements IQueryHandler<GetTaskingQuery, Tasking> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ id, actor }: GetTaskingQuery): Promise<Tasking> {
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
