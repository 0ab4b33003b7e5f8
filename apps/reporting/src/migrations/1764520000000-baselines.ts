import { MigrationInterface, QueryRunner } from 'typeorm';
import { createTableSql } from '@intensify/persistence';

/** Business-as-usual weekly figures per force and ISO week; every version kept, never edited. */
export class Baselines1764520000000 implements MigrationInterface {
  name = 'Baselines1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      createTableSql('reporting.baseline_versions', [
        'force text NOT NULL',
        'iso_week text NOT NULL',
        'version int NOT NULL',
        'figures jsonb NOT NULL',
        'reported_at timestamptz NOT NULL',
        'reported_by jsonb NOT NULL',
        'PRIMARY KEY (force, iso_week, version)',
      ]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.baseline_versions`);
  }
}
