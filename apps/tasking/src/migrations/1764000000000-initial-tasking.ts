import { MigrationInterface, QueryRunner } from 'typeorm';
import { SERVICE_TABLES_DROP_ORDER, serviceTablesSql } from '@intensify/messaging';

export class InitialTasking1764000000000 implements MigrationInterface {
  name = 'InitialTasking1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tasking.taskings (
      id uuid PRIMARY KEY,
      operation_id uuid NOT NULL,
      force text NOT NULL,
      line_id text,
      action text NOT NULL,
      priority text NOT NULL,
      due_at timestamptz NOT NULL,
      acknowledge_within_minutes int NOT NULL,
      notes text,
      status text NOT NULL,
      overdue boolean NOT NULL DEFAULT false,
      issued_by jsonb NOT NULL,
      issued_at timestamptz NOT NULL,
      issue_seq int NOT NULL DEFAULT 1,
      seq int NOT NULL DEFAULT 1,
      reminded_issue_seq int,
      outcome_ids uuid[] NOT NULL DEFAULT '{}',
      decline_reason text,
      cancel_reason text,
      updated_at timestamptz NOT NULL,
      list_seq bigserial
    )`);
    await q.query(
      `CREATE INDEX taskings_by_operation ON tasking.taskings (operation_id, list_seq DESC)`,
    );
    await q.query(`CREATE INDEX taskings_by_force ON tasking.taskings (force, list_seq DESC)`);
    // Every event of a tasking, in order: its history as the API shows it.
    await q.query(`CREATE TABLE tasking.tasking_history (
      tasking_id uuid NOT NULL REFERENCES tasking.taskings(id),
      seq int NOT NULL,
      type text NOT NULL,
      at timestamptz NOT NULL,
      actor jsonb NOT NULL,
      from_status text,
      to_status text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (tasking_id, seq)
    )`);
    const plumbing = { idempotencyScope: 'operation_id uuid', auditOperationId: true } as const;
    for (const sql of serviceTablesSql('tasking', plumbing)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...SERVICE_TABLES_DROP_ORDER, 'tasking_history', 'taskings']) {
      await q.query(`DROP TABLE tasking.${t}`);
    }
  }
}
