import { EntityManager } from 'typeorm';
import { OPEN_TASKING_STATUSES, OverdueTasking, TaskingCounts } from '@intensify/contracts';
import { sumByRegion } from '../read-models/by-region';
import { COUNT_COLUMNS, countVectors, CountVector, toTaskingCounts } from './tasking-counts';

export interface TaskingBoard {
  taskings: TaskingCounts;
  taskingsByRegion: Record<string, TaskingCounts>;
  taskingsByForce: Record<string, TaskingCounts>;
  overdueTaskings: OverdueTasking[];
}

/** The board's tasking figures, in the caller's snapshot; regions and nation sum their forces. */
export async function readTaskingCounts(
  m: EntityManager,
  operationId: string,
  now: Date = new Date(),
): Promise<TaskingBoard> {
  const rows: (Record<string, string> & { force: string })[] = await m.query(
    `SELECT force, ${COUNT_COLUMNS.join(', ')} FROM tasking_counts WHERE operation_id = $1`,
    [operationId],
  );
  const overdue: { tasking_id: string; force: string; priority: string; due_at: Date }[] =
    await m.query(
      `SELECT tasking_id, force, priority, due_at FROM tasking_state
       WHERE operation_id = $1 AND overdue AND status = ANY($2) ORDER BY due_at, tasking_id`,
      [operationId, OPEN_TASKING_STATUSES],
    );
  const byForce = new Map<string, CountVector>(rows.map((r) => [r.force, countVectors.fromRow(r)]));
  const sums = sumByRegion(byForce, countVectors, toTaskingCounts);
  return {
    taskings: sums.national,
    taskingsByRegion: sums.regions,
    taskingsByForce: sums.forces,
    overdueTaskings: overdue.map((o) => ({
      id: o.tasking_id,
      force: o.force,
      priority: o.priority,
      dueAt: o.due_at.toISOString(),
      overdueForMinutes: Math.max(0, Math.floor((now.getTime() - o.due_at.getTime()) / 60_000)),
    })),
  };
}
