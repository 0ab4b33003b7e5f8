import { MigrationInterface, QueryRunner } from 'typeorm';
import { TALLY_COLUMNS } from '../board-tallies/tally-vector';

/**
 * Baselines: each force's latest figures per ISO week (for the gaming check). Tally hours: each
 * week's figures per force and hour of `occurredAt` (for weeks compared at the same hours).
 */
export class BaselinesAndTallyHours1764520000000 implements MigrationInterface {
  name = 'BaselinesAndTallyHours1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE force_week_baselines (
      force text NOT NULL,
      iso_week text NOT NULL,
      version int NOT NULL,
      figures jsonb NOT NULL,
      PRIMARY KEY (force, iso_week)
    )`);
    const columns = TALLY_COLUMNS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(',\n');
    await q.query(`CREATE TABLE force_tally_hours (
      operation_id uuid NOT NULL,
      force text NOT NULL,
      hour timestamptz NOT NULL,
      ${columns},
      PRIMARY KEY (operation_id, force, hour)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE force_tally_hours`);
    await q.query(`DROP TABLE force_week_baselines`);
  }
}
