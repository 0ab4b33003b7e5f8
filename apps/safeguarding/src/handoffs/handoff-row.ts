import { EntityManager } from 'typeorm';
import {
  Actor,
  AgeGroup,
  Handoff,
  HandoffConcern,
  HandoffHistoryEntry,
  HandoffOutcome,
  HandoffPosition,
  HandoffStatus,
  isUuid,
} from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';

/** A row of `safeguarding.handoffs` as PostgreSQL returns it. */
export interface HandoffRow {
  id: string;
  operation_id: string | null;
  status: HandoffStatus;
  found_force: string;
  home_force: string;
  subject_ref: string | null;
  age_group: AgeGroup;
  concerns: HandoffConcern[];
  found_at: Date;
  acknowledge_by: Date;
  /** The `seq` of the event that started the deadline in force (raise or redirect). */
  deadline_seq: number;
  overdue: boolean;
  escalated_at: Date | null;
  owner: string | null;
  outcome: HandoffOutcome | null;
  safeguarding_outcome_id: string | null;
  note: string | null;
  raised_by: Actor;
  raised_at: Date;
  closed_at: Date | null;
  subject_erased_at: Date | null;
  seq: number;
  updated_at: Date;
  list_seq: string;
}

/** A row of `safeguarding.handoff_history`. */
export interface HistoryRow {
  handoff_id: string;
  seq: number;
  action: HandoffHistoryEntry['action'];
  at: Date;
  actor: HandoffHistoryEntry['by'];
  details: Record<string, unknown>;
}

export function handoffNotFound(id: string): ProblemError {
  return new ProblemError('not_found', `No hand-off with id ${id}`);
}

/** The hand-off under a row lock for the caller's transaction, so changes queue up; 404 if missing. */
export async function lockHandoff(m: EntityManager, id: string): Promise<HandoffRow> {
  const rows: HandoffRow[] = isUuid(id)
    ? await m.query(`SELECT * FROM safeguarding.handoffs WHERE id = $1 FOR UPDATE`, [id])
    : [];
  if (!rows[0]) throw handoffNotFound(id);
  return rows[0];
}

/** Runs an `UPDATE … RETURNING *` of one hand-off (TypeORM answers updates as `[rows, count]`). */
export async function updateHandoff(
  m: EntityManager,
  sql: string,
  params: unknown[],
): Promise<HandoffRow> {
  const [rows]: [HandoffRow[], number] = await m.query(sql, params);
  return rows[0];
}

export function positionOf(r: HandoffRow): HandoffPosition {
  return { homeForce: r.home_force, status: r.status, overdue: r.overdue };
}

export function toHistoryEntry(h: HistoryRow): HandoffHistoryEntry {
  return { at: h.at.toISOString(), by: h.actor, action: h.action, ...h.details };
}

/** The API's hand-off: the row, its history (oldest first) and earlier hand-offs of its subject. */
export function toHandoff(
  r: HandoffRow,
  history: HandoffHistoryEntry[],
  previousHandoffs: string[],
): Handoff {
  return {
    id: r.id,
    operationId: r.operation_id,
    status: r.status,
    foundForce: r.found_force,
    homeForce: r.home_force,
    subjectRef: r.subject_ref,
    ageGroup: r.age_group,
    concerns: r.concerns,
    foundAt: r.found_at.toISOString(),
    acknowledgeBy: r.acknowledge_by.toISOString(),
    overdue: r.overdue,
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    owner: r.owner,
    outcome: r.outcome,
    ...(r.safeguarding_outcome_id !== null && {
      safeguardingOutcomeId: r.safeguarding_outcome_id,
    }),
    ...(r.note !== null && { note: r.note }),
    previousHandoffs,
    history,
  };
}

/** Who acted, as a history entry shows it: no more than the role and scope need. */
export function actorOf(a: Actor): HandoffHistoryEntry['by'] {
  return {
    sub: a.sub,
    role: a.role,
    ...(a.region && { region: a.region }),
    ...(a.force && { force: a.force }),
  };
}
