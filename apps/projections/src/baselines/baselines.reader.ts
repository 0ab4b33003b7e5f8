import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BaselineFigures,
  GamingCheckAnswer,
  gamingCheckWeeks,
  isoWeekStart,
  isoWeeksTouched,
  zeroBaselineFigures,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { byConcern, checkForce } from './gaming-check';

@Injectable()
export class BaselinesReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every force's check for a week starting in `isoWeek`, flagged first. */
  async gamingCheck(isoWeek: string): Promise<GamingCheckAnswer> {
    const skip = await this.intensificationWeeksBefore(isoWeek);
    const windows = gamingCheckWeeks(isoWeek, skip);
    const { recent, baseline } = windows;
    const rows: { force: string; iso_week: string; figures: BaselineFigures }[] =
      await this.db.query(
        `SELECT force, iso_week, figures FROM force_week_baselines WHERE iso_week = ANY($1)`,
        [[...baseline, ...recent]],
      );
    const byForce = new Map<string, Map<string, BaselineFigures>>();
    for (const r of rows) {
      const weeks = byForce.get(r.force) ?? new Map<string, BaselineFigures>();
      weeks.set(r.iso_week, { ...zeroBaselineFigures(), ...r.figures });
      byForce.set(r.force, weeks);
    }
    const forces = FORCE_CODES.map((f) =>
      checkForce(f, isoWeek, byForce.get(f) ?? new Map(), windows),
    ).sort(byConcern);
    const skipped = [...skip].filter((w) => w >= baseline[0]).sort();
    return { ...windows, skipped, forces };
  }

  /** The ISO weeks touched by intensification weeks that start before `isoWeek` does. */
  private async intensificationWeeksBefore(isoWeek: string): Promise<Set<string>> {
    const rows: { starts_at: Date; ends_at: Date }[] = await this.db.query(
      `SELECT starts_at, ends_at FROM operations WHERE starts_at < $1`,
      [isoWeekStart(isoWeek)],
    );
    return new Set(rows.flatMap((r) => isoWeeksTouched(r.starts_at, r.ends_at)));
  }
}
