import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-offs of a week per home force and status, and each hand-off's last applied event. */
export class HandoffCounts1764400000000 implements MigrationInterface {
  name = 'HandoffCounts1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE handoff_counts (
      operation_id uuid NOT NULL,
      force text NOT NULL,
      raised int NOT NULL DEFAULT 0,
      acknowledged int NOT NULL DEFAULT 0,
      closed int NOT NULL DEFAULT 0,
      overdue int NOT NULL DEFAULT 0,
      PRIMARY KEY (operation_id, force)
    )`);
    // No person here: the topic carries none, and this is rebuilt from it.
    await q.query(`CREATE TABLE handoff_state (
      handoff_id uuid PRIMARY KEY,
      operation_id uuid NOT NULL,
      seq int NOT NULL,
      home_force text NOT NULL,
      status text NOT NULL,
      overdue boolean NOT NULL,
      acknowledge_by timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE handoff_state`);
    await q.query(`DROP TABLE handoff_counts`);
  }
}
