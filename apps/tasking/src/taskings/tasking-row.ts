import { EntityManager } from 'typeorm';
import {
  Actor,
  isUuid,
  Tasking,
  TaskingHistoryEntry,
  TaskingPosition,
  TaskingPriority,
  TaskingStatus,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

/** A row of `tasking.taskings` as PostgreSQL returns it. */
export interface TaskingRow {
  id: string;
  operation_id: string;
  force: string;
  line_id: string | null;
  legacy_line_ref: string | null;
  action: string;
  priority: TaskingPriority;
  due_at: Date;
  acknowledge_within_minutes: number;
  notes: string | null;
  status: TaskingStatus;
  overdue: boolean;
  issued_by: Actor;
  issued_at: Date;
  issue_seq: number;
  seq: number;
  reminded_issue_seq: number | null;
  outcome_ids: string[];
  decline_reason: string | null;
  cancel_reason: string | null;
  updated_at: Date;
  list_seq: string;
}

export function taskingNotFound(id: string): ProblemError {
  return new ProblemError('not_found', `No tasking with id ${id}`);
}

/** The tasking under a row lock for the caller's transaction, so its changes queue up; 404 if missing. */
export async function lockTasking(m: EntityManager, id: string): Promise<TaskingRow> {
  const rows: TaskingRow[] = isUuid(id)
    ? await m.query(`SELECT * FROM tasking.taskings WHERE id = $1 FOR UPDATE`, [id])
    : [];
  if (!rows[0]) throw taskingNotFound(id);
  return rows[0];
}

export function positionOf(r: TaskingRow): TaskingPosition {
  return { force: r.force, status: r.status, overdue: r.overdue };
}

export function toTasking(r: TaskingRow, history?: TaskingHistoryEntry[]): Tasking {
  return {
    id: r.id,
    operationId: r.operation_id,
    force: r.force,
    ...(r.line_id !== null && { lineId: r.line_id }),
    ...(r.legacy_line_ref !== null && { legacyLineRef: r.legacy_line_ref }),
    action: r.action,
    priority: r.priority,
    dueAt: r.due_at.toISOString(),
    acknowledgeWithinMinutes: r.acknowledge_within_minutes,
    ...(r.notes !== null && { notes: r.notes }),
    status: r.status,
    overdue: r.overdue,
    reminded: r.reminded_issue_seq === r.issue_seq,
    // The deadline that makes a P1 overdue escalates it in the same transaction.
    escalated: r.overdue && r.priority === 'P1',
    issuedBy: {
      sub: r.issued_by.sub,
      role: r.issued_by.role,
      ...(r.issued_by.region && { region: r.issued_by.region }),
    },
    issuedAt: r.issued_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    outcomeIds: r.outcome_ids,
    ...(r.decline_reason !== null && { declineReason: r.decline_reason }),
    ...(r.cancel_reason !== null && { cancelReason: r.cancel_reason }),
    ...(history && { history }),
  };
}

/** Runs an `UPDATE … RETURNING *` of one tasking (TypeORM answers updates as `[rows, count]`). */
export async function updateTasking(
  m: EntityManager,
  sql: string,
  params: unknown[],
): Promise<TaskingRow> {
  const [rows]: [TaskingRow[], number] = await m.query(sql, params);
  return rows[0];
}
