import { MigrationInterface, QueryRunner } from 'typeorm';

export class FocusLineResults1764620000000 implements MigrationInterface {
  name = 'FocusLineResults1764620000000';

  async up(q: QueryRunner): Promise<void> {
    // Every line event kept (not only the latest): a line's status at a week's start is read back.
    await q.query(`CREATE TABLE focus_line_history (
      line_id uuid NOT NULL,
      seq int NOT NULL,
      at timestamptz NOT NULL,
      brand text NOT NULL,
      status text NOT NULL,
      closure_type text,
      PRIMARY KEY (line_id, seq)
    )`);
    // The latest version of each outcome that names a register line, and whether it was retracted.
    await q.query(`CREATE TABLE focus_line_outcomes (
      outcome_id uuid PRIMARY KEY,
      operation_id uuid NOT NULL,
      version int NOT NULL,
      line_id uuid,
      force text NOT NULL,
      type text NOT NULL,
      action text,
      ddtro_applied int NOT NULL,
      ddtro_granted int NOT NULL,
      retracted boolean NOT NULL DEFAULT false
    )`);
    // Taskings issued against a register line, at their latest position.
    await q.query(`CREATE TABLE focus_line_taskings (
      tasking_id uuid PRIMARY KEY,
      operation_id uuid NOT NULL,
      line_id uuid NOT NULL,
      seq int NOT NULL,
      force text NOT NULL,
      status text NOT NULL,
      overdue boolean NOT NULL
    )`);
    // Orders' dates come from line-ddtros' register_ddtros: one record of each order.
    // Results are read a line at a time, within a week where the row names one.
    for (const [table, key] of [
      ['focus_line_outcomes', 'operation_id, line_id'],
      ['focus_line_taskings', 'operation_id, line_id'],
    ]) {
      await q.query(`CREATE INDEX ${table}_by_line ON ${table} (${key})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['focus_line_taskings', 'focus_line_outcomes', 'focus_line_history']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
