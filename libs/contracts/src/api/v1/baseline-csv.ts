import { FieldError } from '../../validation';
import {
  BASELINE_FIGURES,
  BaselineFigures,
  isoWeekErrors,
  validateBaselineFigures,
} from './baseline';
import { csvHeaderErrorsOf } from './csv-header';

/**
 * A baselines CSV: one force-week per row, columns `force`, `isoWeek` and any of the figures
 * by their JSON names (a blank cell or a missing column is 0). A row replaces that force-week's
 * figures; the same figures again change nothing.
 */
export const BASELINE_CSV_REQUIRED_COLUMNS = ['force', 'isoWeek'] as const;
export const BASELINE_CSV_COLUMNS: readonly string[] = [
  ...BASELINE_CSV_REQUIRED_COLUMNS,
  ...BASELINE_FIGURES,
];

/** Ten years of weekly figures for every force fit well within these. */
export const BASELINE_CSV_LIMITS = { bytes: 2 * 1024 * 1024, rows: 25_000 } as const;

export function baselineCsvHeaderErrors(header: string[]): FieldError[] {
  return csvHeaderErrorsOf(header, BASELINE_CSV_COLUMNS, BASELINE_CSV_REQUIRED_COLUMNS);
}

export interface BaselineCsvRow {
  force: string;
  isoWeek: string;
  figures: BaselineFigures;
}

/** A row's cells judged on their own: the force code is checked against scope by the caller. */
export function baselineCsvRow(
  cells: Record<string, string>,
): { ok: true; value: BaselineCsvRow } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [...isoWeekErrors(cells.isoWeek)];
  if (!cells.force) errors.push({ field: 'force', message: 'is required' });
  const body: Record<string, unknown> = {};
  for (const f of BASELINE_FIGURES) {
    const cell = (cells[f] ?? '').trim();
    if (cell === '') continue;
    if (!/^\d+$/.test(cell)) errors.push({ field: f, message: 'must be a whole number ≥ 0' });
    else body[f] = Number(cell);
  }
  const figures = validateBaselineFigures(body);
  if (!figures.ok) errors.push(...figures.errors);
  if (errors.length || !figures.ok) return { ok: false, errors };
  return {
    ok: true,
    value: { force: cells.force, isoWeek: cells.isoWeek, figures: figures.value },
  };
}
