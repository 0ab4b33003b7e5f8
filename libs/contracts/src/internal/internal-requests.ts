import { BaselineCsvRow } from '../api/v1/baseline-csv';
import { Outcome } from '../api/v1/outcome';
import { IssueTasking } from '../api/v1/tasking';

/** Rows of a CSV return the gateway has parsed and validated, for reporting to store. */
export interface ImportOutcomesRequest {
  rows: { row: number; line: number; key: string; outcome: Outcome }[];
}

/** One tasking, or several at once (all or nothing), as the caller sent them. */
export type IssueTaskingsBody = IssueTasking | { taskings: IssueTasking[] };

export interface ReasonBody {
  reason: string;
}

export interface OutcomeListQuery {
  force?: string;
  type?: string;
  status?: 'live' | 'retracted';
  cursor?: string;
  limit?: string | number;
}

/** A page of a service's audit log, newest first; every filter is an exact match. */
export interface AuditListQuery {
  action?: string;
  operationId?: string;
  subjectId?: string;
  /** The acting user's `sub`. */
  sub?: string;
  cursor?: string;
  limit?: string | number;
}

/** `forces` comma-separated: the forces the gateway has checked against the caller's scope. */
export interface TimelineQuery {
  forces?: string;
}

/** Rows of a baselines CSV the gateway has parsed and validated, for reporting to store. */
export interface ImportBaselinesRequest {
  rows: (BaselineCsvRow & { row: number; line: number })[];
}

/** A force's weeks from `from` to `to` (ISO weeks, both included). */
export interface BaselineListQuery {
  from: string;
  to: string;
}

/** Hours into the week to compare at; none for whole weeks. */
export interface ComparisonQuery {
  hours?: number;
}
