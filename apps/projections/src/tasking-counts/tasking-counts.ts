import {
  isOpenTaskingStatus,
  TaskingCounts,
  TaskingEventV1,
  TaskingPosition,
  TaskingStatus,
} from '@intensify/contracts';
import { ColumnVector, columnVectors } from '../read-models/column-vector';

export const COUNT_COLUMNS = [
  'issued',
  'acknowledged',
  'in_progress',
  'completed',
  'declined',
  'overdue',
] as const;
export const countVectors = columnVectors(COUNT_COLUMNS);
export const { zero: zeroCounts, add: addCounts } = countVectors;
export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type CountVector = ColumnVector<CountColumn>;

/** Each tasking sits in one status bucket; cancelled ones in none. */
const BUCKET: Partial<Record<TaskingStatus, CountColumn>> = {
  issued: 'issued',
  acknowledged: 'acknowledged',
  'in-progress': 'in_progress',
  completed: 'completed',
  declined: 'declined',
};

/** What one tasking in this position adds to its force's counts. */
export function positionCounts(p: TaskingPosition): CountVector {
  const v = zeroCounts();
  const bucket = BUCKET[p.status];
  if (bucket) v[bucket] = 1;
  v.overdue = p.overdue && isOpenTaskingStatus(p.status) ? 1 : 0;
  return v;
}

/**
 * Per operation and force, the change a batch of tasking events makes: each event adds its
 * position and takes away the one before (at the force it was at), so the fold is a plain sum.
 */
export function foldTaskingEvents(events: TaskingEventV1[]): Map<string, Map<string, CountVector>> {
  const out = new Map<string, Map<string, CountVector>>();
  const at = (operationId: string, force: string) => {
    let forces = out.get(operationId);
    if (!forces) out.set(operationId, (forces = new Map()));
    let v = forces.get(force);
    if (!v) forces.set(force, (v = zeroCounts()));
    return v;
  };
  for (const e of events) {
    addCounts(at(e.operationId, e.force), positionCounts(e));
    if (e.previous) addCounts(at(e.operationId, e.previous.force), positionCounts(e.previous), -1);
  }
  return out;
}

/**
 * Events of one tasking carry increasing `seq`; one at or below the last applied is a copy
 * (republished by the outbox relay) and is skipped. `applied` is updated as events are taken.
 */
export function freshTaskingEvents(
  events: TaskingEventV1[],
  applied: Map<string, number>,
): TaskingEventV1[] {
  return events.filter((e) => {
    if (e.seq <= (applied.get(e.taskingId) ?? 0)) return false;
    applied.set(e.taskingId, e.seq);
    return true;
  });
}

export function toTaskingCounts(v: CountVector): TaskingCounts {
  return {
    issued: v.issued,
    acknowledged: v.acknowledged,
    inProgress: v.in_progress,
    completed: v.completed,
    declined: v.declined,
    overdue: v.overdue,
  };
}
