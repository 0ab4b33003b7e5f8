import { MigrationInterface, QueryRunner } from 'typeorm';
import { auditLogTableSql } from '@intensify/persistence';

export class CorrectionsAndAudit1763900000000 implements MigrationInterface {
  name = 'CorrectionsAndAudit1763900000000';

  async up(q: QueryRunner): Promise<void> {
    // A sequence gives listings an exact, stable cursor (timestamps can tie).
    await q.query(`ALTER TABLE reporting.outcomes ADD COLUMN seq bigserial`);
    await q.query(
      `ALTER TABLE reporting.outcomes ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
    );
    await q.query(`ALTER TABLE reporting.outcomes ADD COLUMN retraction jsonb`);
    await q.query(`DROP INDEX reporting.outcomes_by_operation`);
    await q.query(
      `CREATE INDEX outcomes_by_operation ON reporting.outcomes (operation_id, seq DESC)`,
    );
    await q.query(
      `CREATE INDEX outcomes_by_operation_force ON reporting.outcomes (operation_id, force, seq DESC)`,
    );
    // The answer first given for a key, returned again on a replay.
    await q.query(`ALTER TABLE reporting.idempotency_keys ADD COLUMN response jsonb`);
    await q.query(`ALTER TABLE reporting.operations ADD COLUMN reopen_reason text`);
    await q.query(auditLogTableSql('reporting', { operationId: true }));
    await q.query(`CREATE INDEX audit_by_operation ON reporting.audit_log (operation_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.audit_log`);
    await q.query(`ALTER TABLE reporting.operations DROP COLUMN reopen_reason`);
    await q.query(`ALTER TABLE reporting.idempotency_keys DROP COLUMN response`);
    await q.query(`DROP INDEX reporting.outcomes_by_operation_force`);
    await q.query(`DROP INDEX reporting.outcomes_by_operation`);
    await q.query(
      `CREATE INDEX outcomes_by_operation ON reporting.outcomes (operation_id, created_at, id)`,
    );
    for (const c of ['retraction', 'updated_at', 'seq'])
      await q.query(`ALTER TABLE reporting.outcomes DROP COLUMN ${c}`);
  }
}
