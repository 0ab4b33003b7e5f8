import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taskings name register lines by id from now on. A line reference typed as free text before
 * stays readable as `legacyLineRef`; the column then holds only register ids.
 */
export class LineReferences1764900000000 implements MigrationInterface {
  name = 'LineReferences1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasking.taskings ADD COLUMN legacy_line_ref text`);
    await q.query(
      `UPDATE tasking.taskings SET legacy_line_ref = line_id, line_id = NULL
       WHERE line_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
    );
    await q.query(
      `ALTER TABLE tasking.taskings ALTER COLUMN line_id TYPE uuid USING line_id::uuid`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tasking.taskings ALTER COLUMN line_id TYPE text`);
    await q.query(
      `UPDATE tasking.taskings SET line_id = legacy_line_ref WHERE legacy_line_ref IS NOT NULL`,
    );
    await q.query(`ALTER TABLE tasking.taskings DROP COLUMN legacy_line_ref`);
  }
}
