import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaselineList } from '@intensify/contracts';
import { BaselineRow, toBaseline } from './baseline-rows';

@Injectable()
export class BaselinesReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The force's weeks from `from` to `to`, latest versions, oldest first (ISO weeks sort as text). */
  async list(force: string, from: string, to: string): Promise<BaselineList> {
    const rows: BaselineRow[] = await this.db.query(
      `SELECT DISTINCT ON (iso_week) * FROM reporting.baseline_versions
       WHERE force = $1 AND iso_week BETWEEN $2 AND $3
       ORDER BY iso_week, version DESC`,
      [force, from, to],
    );
    return { force, from, to, items: rows.map(toBaseline) };
  }
}
