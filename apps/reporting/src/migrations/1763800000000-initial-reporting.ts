import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@intensify/messaging';

export class InitialReporting1763800000000 implements MigrationInterface {
  name = 'InitialReporting1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE reporting.operations (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      focus_forces text[] NOT NULL DEFAULT '{}',
      closed_at timestamptz,
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at)
    )`);
    await q.query(`CREATE TABLE reporting.outcomes (
      id uuid PRIMARY KEY,
      operation_id uuid NOT NULL REFERENCES reporting.operations(id),
      force text NOT NULL,
      type text NOT NULL,
      version int NOT NULL,
      current jsonb NOT NULL,
      retracted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX outcomes_by_operation ON reporting.outcomes (operation_id, created_at, id)`,
    );
    await q.query(`CREATE TABLE reporting.outcome_versions (
      outcome_id uuid NOT NULL REFERENCES reporting.outcomes(id),
      version int NOT NULL,
      body jsonb NOT NULL,
      actor jsonb NOT NULL,
      correlation_id text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (outcome_id, version)
    )`);
    await q.query(`CREATE TABLE reporting.idempotency_keys (
      operation_id uuid NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      outcome_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (operation_id, key)
    )`);
    for (const sql of outboxTableSql('reporting')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outbox', 'idempotency_keys', 'outcome_versions', 'outcomes', 'operations']) {
      await q.query(`DROP TABLE reporting.${t}`);
    }
  }
}
