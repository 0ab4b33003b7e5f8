import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskingCounts1764000000000 implements MigrationInterface {
  name = 'TaskingCounts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tasking_counts (
      operation_id uuid NOT NULL,
      force text NOT NULL,
      issued int NOT NULL DEFAULT 0,
      acknowledged int NOT NULL DEFAULT 0,
      in_progress int NOT NULL DEFAULT 0,
      completed int NOT NULL DEFAULT 0,
      declined int NOT NULL DEFAULT 0,
      overdue int NOT NULL DEFAULT 0,
      PRIMARY KEY (operation_id, force)
    )`);
    // Each tasking's last applied event: skips copies, and lists the overdue ones.
    await q.query(`CREATE TABLE tasking_state (
      tasking_id uuid PRIMARY KEY,
      operation_id uuid NOT NULL,
      seq int NOT NULL,
      force text NOT NULL,
      priority text NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL,
      overdue boolean NOT NULL
    )`);
    await q.query(
      `CREATE INDEX tasking_state_overdue ON tasking_state (operation_id, due_at) WHERE overdue`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tasking_state`);
    await q.query(`DROP TABLE tasking_counts`);
  }
}
