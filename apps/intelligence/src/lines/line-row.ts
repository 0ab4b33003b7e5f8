import { EntityManager } from 'typeorm';
import {
  Actor,
  ClosureType,
  DealNumber,
  isUuid,
  Line,
  LineInput,
  LineStatus,
  NumberStatus,
  RiskFactors,
} from '@intensify/contracts';
import { may, readableForces } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';

/** A row of `intelligence.lines` as PostgreSQL returns it. */
export interface LineRow {
  id: string;
  brand: string;
  brand_key: string;
  recorded_by: string;
  exporting_force: string;
  importing_forces: string[];
  status: LineStatus;
  closure_type: ClosureType | null;
  risk_factors: RiskFactors;
  holder_refs: string[];
  last_intelligence_at: Date | null;
  seq: number;
  closed_by_outcome: string | null;
  created_by: Actor;
  created_at: Date;
  updated_at: Date;
  list_seq: string;
}

export interface NumberRow {
  line_id: string;
  number: string;
  status: NumberStatus;
  first_seen_at: Date;
  last_seen_at: Date;
  replaced_by: string | null;
  replaced_at: Date | null;
  cut_off_at: Date | null;
}

export function lineNotFound(id: string): ProblemError {
  return new ProblemError('not_found', `No line with id ${id}`);
}

/** The forces a line concerns: who recorded it, where it exports from and imports into. */
export function forcesOfLine(
  r: Pick<LineRow, 'recorded_by' | 'exporting_force' | 'importing_forces'>,
): string[] {
  return [...new Set([r.recorded_by, r.exporting_force, ...r.importing_forces])];
}

/** A line is visible to a region when one of its forces is in the region; to a force, its own. */
export function mayReadLine(actor: Actor, r: LineRow): boolean {
  return may(actor, 'line.read', { forces: forcesOfLine(r) });
}

export function mayWriteLine(actor: Actor, r: LineRow): boolean {
  return may(actor, 'line.write', { forces: forcesOfLine(r) });
}

/**
 * SQL condition (on alias `l`) for the lines the actor may see; `$n` is bound to
 * `readableForces(actor)` (null: every line).
 */
export function visibleLinesSql(param: number): string {
  return `($${param}::text[] IS NULL OR l.recorded_by = ANY($${param}) OR l.exporting_force = ANY($${param}) OR l.importing_forces && $${param})`;
}

export const visibleForces = readableForces;

export async function readLine(m: EntityManager, id: string, lock = false): Promise<LineRow> {
  const rows: LineRow[] = isUuid(id)
    ? await m.query(`SELECT * FROM intelligence.lines WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [
        id,
      ])
    : [];
  if (!rows[0]) throw lineNotFound(id);
  return rows[0];
}

export async function numbersOf(m: EntityManager, lineIds: string[]): Promise<NumberRow[]> {
  if (lineIds.length === 0) return [];
  return m.query(
    `SELECT * FROM intelligence.line_numbers WHERE line_id = ANY($1::uuid[]) ORDER BY first_seen_at, number`,
    [lineIds],
  );
}

export function toDealNumber(n: NumberRow): DealNumber {
  return {
    number: n.number,
    status: n.status,
    firstSeenAt: n.first_seen_at.toISOString(),
    lastSeenAt: n.last_seen_at.toISOString(),
    ...(n.replaced_by && { replacedBy: n.replaced_by }),
    ...(n.replaced_at && { replacedAt: n.replaced_at.toISOString() }),
    ...(n.cut_off_at && { cutOffAt: n.cut_off_at.toISOString() }),
  };
}

export function inputOf(r: LineRow): LineInput {
  return {
    brand: r.brand,
    exportingForce: r.exporting_force,
    importingForces: r.importing_forces,
    status: r.status,
    closureType: r.closure_type,
    holderRefs: r.holder_refs,
    riskFactors: r.risk_factors,
    lastIntelligenceAt: r.last_intelligence_at?.toISOString() ?? null,
  };
}

/** The line as the API shows it; holder references only when asked (their reads are audited). */
export function toLine(r: LineRow, numbers: NumberRow[], withHolders = false): Line {
  const { holderRefs, ...input } = inputOf(r);
  return {
    id: r.id,
    recordedBy: r.recorded_by,
    ...input,
    numbers: numbers.filter((n) => n.line_id === r.id).map(toDealNumber),
    holderCount: r.holder_refs.length,
    ...(withHolders && { holderRefs }),
    ...(r.closed_by_outcome && { closedByOutcomeId: r.closed_by_outcome }),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
