import { MigrationInterface, QueryRunner } from 'typeorm';
import { SERVICE_TABLES_DROP_ORDER, serviceTablesSql } from '@intensify/messaging';

export class InitialIntelligence1764100000000 implements MigrationInterface {
  name = 'InitialIntelligence1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // A line belongs to the force that recorded it; within that force its brand names it.
    await q.query(`CREATE TABLE intelligence.lines (
      id uuid PRIMARY KEY,
      brand text NOT NULL,
      brand_key text NOT NULL,
      recorded_by text NOT NULL,
      exporting_force text NOT NULL,
      importing_forces text[] NOT NULL DEFAULT '{}',
      status text NOT NULL,
      closure_type text,
      risk_factors jsonb NOT NULL,
      holder_refs text[] NOT NULL DEFAULT '{}',
      last_intelligence_at timestamptz,
      seq int NOT NULL DEFAULT 1,
      created_by jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      list_seq bigserial,
      UNIQUE (recorded_by, brand_key)
    )`);
    await q.query(`CREATE INDEX lines_by_holder ON intelligence.lines USING gin (holder_refs)`);
    await q.query(`CREATE TABLE intelligence.line_numbers (
      line_id uuid NOT NULL REFERENCES intelligence.lines(id),
      number text NOT NULL,
      status text NOT NULL,
      first_seen_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      replaced_by text,
      replaced_at timestamptz,
      cut_off_at timestamptz,
      PRIMARY KEY (line_id, number)
    )`);
    await q.query(`CREATE INDEX line_numbers_by_number ON intelligence.line_numbers (number)`);
    await q.query(`CREATE TABLE intelligence.number_history (
      id bigserial PRIMARY KEY,
      line_id uuid NOT NULL REFERENCES intelligence.lines(id),
      number text NOT NULL,
      event text NOT NULL,
      at timestamptz NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(
      `CREATE INDEX number_history_by_line ON intelligence.number_history (line_id, id)`,
    );
    // One row per file a force uploaded for a month: the same file again changes nothing.
    await q.query(`CREATE TABLE intelligence.line_returns (
      force text NOT NULL,
      month text NOT NULL,
      fingerprint text NOT NULL,
      report jsonb NOT NULL,
      uploaded_by jsonb NOT NULL,
      uploaded_at timestamptz NOT NULL,
      PRIMARY KEY (force, month, fingerprint)
    )`);
    await q.query(`CREATE TABLE intelligence.line_months (
      line_id uuid NOT NULL REFERENCES intelligence.lines(id),
      month text NOT NULL,
      PRIMARY KEY (line_id, month)
    )`);
    await q.query(`CREATE TABLE intelligence.deconfliction_alerts (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      value text NOT NULL,
      forces text[] NOT NULL,
      regions text[] NOT NULL,
      line_ids uuid[] NOT NULL,
      seq int NOT NULL DEFAULT 1,
      raised_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (kind, value)
    )`);
    await q.query(`CREATE TABLE intelligence.ddtros (
      id uuid PRIMARY KEY,
      line_id uuid NOT NULL REFERENCES intelligence.lines(id),
      number text NOT NULL,
      batch_id uuid NOT NULL,
      status text NOT NULL,
      number_first_seen_at timestamptz NOT NULL,
      applied_at timestamptz NOT NULL,
      granted_at timestamptz,
      actioned_at timestamptz,
      refused_at timestamptz,
      refusal_reason text,
      provider_deadline timestamptz,
      provider_overdue boolean NOT NULL DEFAULT false,
      seq int NOT NULL DEFAULT 1,
      applied_by jsonb NOT NULL,
      list_seq bigserial
    )`);
    // One order in hand per number: a refused one may be applied for again.
    await q.query(
      `CREATE UNIQUE INDEX ddtros_one_open_per_number ON intelligence.ddtros (line_id, number) WHERE status <> 'refused'`,
    );
    await q.query(`CREATE TABLE intelligence.ddtro_history (
      ddtro_id uuid NOT NULL REFERENCES intelligence.ddtros(id),
      seq int NOT NULL,
      type text NOT NULL,
      at timestamptz NOT NULL,
      actor jsonb NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (ddtro_id, seq)
    )`);
    await q.query(`CREATE TABLE intelligence.replacement_alerts (
      id uuid PRIMARY KEY,
      line_id uuid NOT NULL REFERENCES intelligence.lines(id),
      number text NOT NULL,
      ddtro_ids uuid[] NOT NULL,
      raised_at timestamptz NOT NULL,
      UNIQUE (line_id, number)
    )`);
    await q.query(`CREATE TABLE intelligence.operation_focus (
      operation_id uuid PRIMARY KEY,
      line_ids uuid[] NOT NULL,
      focus_forces text[] NOT NULL,
      seq int NOT NULL,
      set_by jsonb NOT NULL,
      set_at timestamptz NOT NULL
    )`);
    const plumbing = { idempotencyScope: 'scope text', auditOperationId: false } as const;
    for (const sql of serviceTablesSql('intelligence', plumbing)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      ...SERVICE_TABLES_DROP_ORDER,
      'operation_focus',
      'replacement_alerts',
      'ddtro_history',
      'ddtros',
      'deconfliction_alerts',
      'line_months',
      'line_returns',
      'number_history',
      'line_numbers',
      'lines',
    ]) {
      await q.query(`DROP TABLE intelligence.${t}`);
    }
  }
}
