import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BaselineFigures,
  GamingCheckForce,
  gamingCheckWeeks,
  zeroBaselineFigures,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { byConcern, checkForce } from './gaming-check';

@Injectable()
export class BaselinesReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every force's check for a week starting in `isoWeek`, flagged first. */
  async gamingCheck(isoWeek: string): Promise<GamingCheckForce[]> {
    const { recent, baseline } = gamingCheckWeeks(isoWeek);
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
    return FORCE_CODES.map((f) => checkForce(f, isoWeek, byForce.get(f) ?? new Map())).sort(
      byConcern,
    );
  }
}
