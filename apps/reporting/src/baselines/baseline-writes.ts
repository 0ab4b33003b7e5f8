import { EntityManager } from 'typeorm';
import {
  Actor,
  BASELINE_FIGURES,
  BASELINE_REPORTED,
  Baseline,
  BaselineFigures,
  BaselineReportedV1,
  FieldError,
  isoWeekRange,
} from '@intensify/contracts';
import { Change } from '@intensify/messaging';
import { latestBaseline, toBaseline } from './baseline-rows';

export interface BaselineWrite {
  force: string;
  isoWeek: string;
  figures: BaselineFigures;
}

export type BaselineWriteResult =
  | { status: 'created' | 'replaced' | 'unchanged'; baseline: Baseline; change?: Change }
  | { status: 'invalid'; errors: FieldError[] };

/**
 * Stores one force-week's figures in the caller's transaction: the first report is version 1,
 * other figures a new version, the same figures again nothing (so a replay counts once). A week
 * overlapping an intensification week is refused: its figures are that week's outcomes.
 */
export async function writeBaseline(
  m: EntityManager,
  w: BaselineWrite,
  actor: Actor,
  now: Date,
): Promise<BaselineWriteResult> {
  const overlap = await overlappingOperation(m, w.isoWeek);
  if (overlap)
    return {
      status: 'invalid',
      errors: [
        {
          field: 'isoWeek',
          message: `overlaps the intensification week "${overlap}"; report its outcomes there`,
        },
      ],
    };
  // One writer per force-week at a time, so versions never collide.
  await m.query(`SELECT pg_advisory_xact_lock(hashtext('baseline:' || $1 || ':' || $2))`, [
    w.force,
    w.isoWeek,
  ]);
  const latest = await latestBaseline(m, w.force, w.isoWeek);
  if (latest && sameFigures(latest.figures, w.figures))
    return { status: 'unchanged', baseline: latest };
  const version = (latest?.version ?? 0) + 1;
  const reportedBy = { sub: actor.sub, role: actor.role };
  await m.query(
    `INSERT INTO reporting.baseline_versions (force, iso_week, version, figures, reported_at, reported_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [w.force, w.isoWeek, version, w.figures, now, reportedBy],
  );
  const baseline = toBaseline({
    force: w.force,
    iso_week: w.isoWeek,
    version,
    figures: w.figures,
    reported_at: now,
    reported_by: reportedBy,
  });
  // Named one by one: an import row carries its row and line numbers besides.
  const payload: BaselineReportedV1 = {
    force: w.force,
    isoWeek: w.isoWeek,
    version,
    figures: w.figures,
  };
  return {
    status: latest ? 'replaced' : 'created',
    baseline,
    change: {
      kind: BASELINE_REPORTED,
      aggregateId: w.force,
      payload,
      occurredAt: isoWeekRange(w.isoWeek)!.from.toISOString(),
      audit: { subjectId: `${w.force}/${w.isoWeek}`, details: { version } },
    },
  };
}

function sameFigures(a: BaselineFigures, b: BaselineFigures): boolean {
  return BASELINE_FIGURES.every((f) => a[f] === b[f]);
}

async function overlappingOperation(m: EntityManager, isoWeek: string): Promise<string | null> {
  const { from, to } = isoWeekRange(isoWeek)!;
  const rows: { name: string }[] = await m.query(
    `SELECT name FROM reporting.operations WHERE starts_at < $2 AND ends_at > $1
     ORDER BY starts_at LIMIT 1`,
    [from, to],
  );
  return rows[0]?.name ?? null;
}
