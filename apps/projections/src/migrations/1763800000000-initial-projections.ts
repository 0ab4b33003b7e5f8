import { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerOffsetsTableSql } from '@intensify/messaging';
import { migrationSchema } from '@intensify/persistence';
import { TALLY_COLUMNS } from '../board-tallies/tally-vector';

export class InitialProjections1763800000000 implements MigrationInterface {
  name = 'InitialProjections1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(consumerOffsetsTableSql(migrationSchema(q)));
    await q.query(`CREATE TABLE operations (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      focus_forces text[] NOT NULL,
      closed_at timestamptz
    )`);
    const columns = TALLY_COLUMNS.map((c) => `${c} bigint NOT NULL DEFAULT 0`).join(',\n');
    await q.query(`CREATE TABLE force_tallies (
      operation_id uuid NOT NULL,
      force text NOT NULL,
      ${columns},
      PRIMARY KEY (operation_id, force)
    )`);
    await q.query(`CREATE TABLE board_meta (
      operation_id uuid PRIMARY KEY,
      events_applied bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['board_meta', 'force_tallies', 'operations', 'consumer_offsets']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
