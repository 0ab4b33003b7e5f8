import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log takes the shape every service's has, so one writer serves them all. */
export class AuditOperation1764400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intelligence.audit_log ADD COLUMN operation_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intelligence.audit_log DROP COLUMN operation_id`);
  }
}
