import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A register line's DDTROs of a week are counted once, whether entered in the register, as an
 * outcome's flags naming the line, or both: the two entries are kept apart and met at read time.
 */
export class LineDdtros1764900000000 implements MigrationInterface {
  name = 'LineDdtros1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // The force that records each line (it never changes): line DDTROs are credited to it.
    await q.query(`CREATE TABLE ddtro_lines (
      line_id uuid PRIMARY KEY,
      recorded_by text NOT NULL
    )`);
    // The register's orders and their dates: the one record both the board and focus results read.
    await q.query(`CREATE TABLE register_ddtros (
      ddtro_id uuid PRIMARY KEY,
      line_id uuid NOT NULL,
      applied_at timestamptz,
      granted_at timestamptz,
      actioned_at timestamptz
    )`);
    await q.query(`CREATE INDEX register_ddtros_by_line ON register_ddtros (line_id)`);
    // Each live outcome's latest version that names a register line and reports DDTROs.
    await q.query(`CREATE TABLE reported_line_ddtros (
      outcome_id uuid PRIMARY KEY,
      operation_id uuid NOT NULL,
      line_id uuid NOT NULL,
      force text NOT NULL,
      applied int NOT NULL,
      granted int NOT NULL
    )`);
    await q.query(
      `CREATE INDEX reported_line_ddtros_by_operation ON reported_line_ddtros (operation_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reported_line_ddtros', 'register_ddtros', 'ddtro_lines'])
      await q.query(`DROP TABLE ${t}`);
  }
}
