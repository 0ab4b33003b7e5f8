import { EntityManager } from 'typeorm';
import { Baseline, BaselineFigures, zeroBaselineFigures } from '@intensify/contracts';

export interface BaselineRow {
  force: string;
  iso_week: string;
  version: number;
  figures: BaselineFigures;
  reported_at: Date;
  reported_by: Baseline['reportedBy'];
}

export function toBaseline(r: BaselineRow): Baseline {
  return {
    force: r.force,
    isoWeek: r.iso_week,
    version: r.version,
    // Figures added to the contract later read as 0 in older versions.
    figures: { ...zeroBaselineFigures(), ...r.figures },
    reportedAt: new Date(r.reported_at).toISOString(),
    reportedBy: r.reported_by,
  };
}

export async function latestBaseline(
  m: EntityManager,
  force: string,
  isoWeek: string,
): Promise<Baseline | null> {
  const rows: BaselineRow[] = await m.query(
    `SELECT * FROM reporting.baseline_versions WHERE force = $1 AND iso_week = $2
     ORDER BY version DESC LIMIT 1`,
    [force, isoWeek],
  );
  return rows[0] ? toBaseline(rows[0]) : null;
}
