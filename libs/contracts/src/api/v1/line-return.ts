import { FieldError } from '../../validation';
import { LineInput } from './line';

/** Columns of a force's monthly return of lines; `brand` is required, the rest optional. */
export const LINE_RETURN_COLUMNS = [
  'brand',
  'exportingForce',
  'importingForces',
  'numbers',
  'replacedNumbers',
  'holderRefs',
  'childrenExploited',
  'weapons',
  'violence',
  'cuckooing',
  'status',
  'closureType',
  'lastIntelligenceAt',
] as const;
export type LineReturnColumn = (typeof LINE_RETURN_COLUMNS)[number];

export const LINE_RETURN_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5_000 } as const;

/** `yyyy-mm`, from 2017-01 (DDTROs began in December 2017) on. */
export const RETURN_MONTH_PATTERN = /^(20[1-9]\d)-(0[1-9]|1[0-2])$/;

/** One good row of a return, normalized. */
export interface LineReturnRow extends Omit<LineInput, 'status'> {
  /** Null when the cell is empty: a known line keeps its status, a new one is active. */
  status: LineInput['status'] | null;
  row: number;
  line: number;
  numbers: string[];
  replacedNumbers: string[];
}

export interface LineReturnRejectedRow {
  row: number;
  line: number;
  errors: FieldError[];
}

export type LineChangeKind = 'new' | 'updated' | 'unchanged';

export interface LineReturnChange {
  row: number;
  lineId: string;
  brand: string;
  change: LineChangeKind;
  /** For `updated`: the fields that changed (`numbers` when numbers were added or replaced). */
  fields?: string[];
}

/** What a return did: every row's change, rejected rows, and the force's lines it did not list. */
export interface LineReturnReport {
  force: string;
  month: string;
  /** True when the same file was uploaded for this force and month before: nothing changed. */
  replayed: boolean;
  counts: { new: number; updated: number; unchanged: number; rejected: number; notSeen: number };
  changes: LineReturnChange[];
  rejected: LineReturnRejectedRow[];
  notSeenThisMonth: { lineId: string; brand: string; status: string }[];
}

/** The last instant of a return month: what a row without `lastIntelligenceAt` is dated. */
export function endOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1) - 1).toISOString();
}
