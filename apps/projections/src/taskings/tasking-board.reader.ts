import { EntityManager } from 'typeorm';
import { OPEN_TASKING_STATUSES, OverdueTasking, TaskingCounts } from '@intensify/contracts';
import { FORCES, REGIONS } from '@intensify/reference-data';
import {
  addCounts,
  COUNT_COLUMNS,
  CountVector,
  toTaskingCounts,
  zeroCounts,
} from './tasking-counts';

export interface TaskingBoard {
  taskings: TaskingCounts;
  taskingsByRegion: Record<string, TaskingCounts>;
  taskingsByForce: Record<string, TaskingCounts>;
  overdueTaskings: OverdueTasking[];
}

/** The board's tasking figures, in the caller's snapshot; regions and nation sum their forces. */
export async function readTaskingBoard(
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
  const byForce = new Map(
    rows.map((r) => [
      r.force,
      Object.fromEntries(COUNT_COLUMNS.map((c) => [c, Number(r[c])])) as CountVector,
    ]),
  );
  const national = zeroCounts();
  const regions = new Map(REGIONS.map((r) => [r.code as string, zeroCounts()]));
  const taskingsByForce: Record<string, TaskingCounts> = {};
  for (const f of FORCES) {
    const v = byForce.get(f.code) ?? zeroCounts();
    taskingsByForce[f.code] = toTaskingCounts(v);
    addCounts(national, v);
    if (f.region) addCounts(regions.get(f.region)!, v);
  }
  return {
    taskings: toTaskingCounts(national),
    taskingsByRegion: Object.fromEntries([...regions].map(([c, v]) => [c, toTaskingCounts(v)])),
    taskingsByForce,
    overdueTaskings: overdue.map((o) => ({
      id: o.tasking_id,
      force: o.force,
      priority: o.priority,
      dueAt: o.due_at.toISOString(),
      overdueForMinutes: Math.max(0, Math.floor((now.getTime() - o.due_at.getTime()) / 60_000)),
    })),
  };
}
