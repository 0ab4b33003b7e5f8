import { MigrationInterface, QueryRunner } from 'typeorm';
import { SERVICE_TABLES_DROP_ORDER, serviceTablesSql } from '@intensify/messaging';

/**
 * Person-level data kept apart from the tallies: the subject reference, owner and free text
 * live only here, where retention can erase them (never on the topic).
 */
export class InitialSafeguarding1766000000000 implements MigrationInterface {
  name = 'InitialSafeguarding1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE safeguarding.handoffs (
      id uuid PRIMARY KEY,
      operation_id uuid,
      status text NOT NULL,
      found_force text NOT NULL,
      home_force text NOT NULL,
      subject_ref text,
      age_group text NOT NULL,
      concerns text[] NOT NULL,
      found_at timestamptz NOT NULL,
      acknowledge_by timestamptz NOT NULL,
      deadline_seq int NOT NULL DEFAULT 1,
      overdue boolean NOT NULL DEFAULT false,
      escalated_at timestamptz,
      owner text,
      outcome text,
      safeguarding_outcome_id uuid,
      note text,
      raised_by jsonb NOT NULL,
      raised_at timestamptz NOT NULL,
      closed_at timestamptz,
      subject_erased_at timestamptz,
      seq int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL,
      list_seq bigserial
    )`);
    await q.query(
      `CREATE INDEX handoffs_by_operation ON safeguarding.handoffs (operation_id, list_seq DESC)`,
    );
    await q.query(
      `CREATE INDEX handoffs_by_home ON safeguarding.handoffs (home_force, list_seq DESC)`,
    );
    await q.query(
      `CREATE INDEX handoffs_by_found ON safeguarding.handoffs (found_force, list_seq DESC)`,
    );
    await q.query(
      `CREATE INDEX handoffs_by_subject ON safeguarding.handoffs (subject_ref, list_seq DESC)
       WHERE subject_ref IS NOT NULL`,
    );
    // What retention looks for: closed hand-offs whose subject is not yet erased.
    await q.query(
      `CREATE INDEX handoffs_to_erase ON safeguarding.handoffs (closed_at)
       WHERE closed_at IS NOT NULL AND subject_erased_at IS NULL`,
    );
    // Every step of a hand-off, in order: its history as the API shows it.
    await q.query(`CREATE TABLE safeguarding.handoff_history (
      handoff_id uuid NOT NULL REFERENCES safeguarding.handoffs(id),
      seq int NOT NULL,
      action text NOT NULL,
      at timestamptz NOT NULL,
      actor jsonb NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (handoff_id, seq)
    )`);
    const plumbing = { idempotencyScope: 'scope text', auditOperationId: true } as const;
    for (const sql of serviceTablesSql('safeguarding', plumbing)) await q.query(sql);
    // Retention finds the raise a hand-off answered, to erase the subject it holds.
    await q.query(
      `CREATE INDEX idempotency_keys_by_handoff ON safeguarding.idempotency_keys ((response->>'id'))
       WHERE scope = 'raise'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...SERVICE_TABLES_DROP_ORDER, 'handoff_history', 'handoffs']) {
      await q.query(`DROP TABLE safeguarding.${t}`);
    }
  }
}
