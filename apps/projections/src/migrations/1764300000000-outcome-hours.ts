import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outcomes per hour of `occurredAt`, per force and type: the board's timeline. */
export class OutcomeHours1764300000000 implements MigrationInterface {
  name = 'OutcomeHours1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outcome_hours (
      operation_id uuid NOT NULL,
      force text NOT NULL,
      hour timestamptz NOT NULL,
      type text NOT NULL,
      outcomes int NOT NULL DEFAULT 0,
      PRIMARY KEY (operation_id, force, hour, type)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outcome_hours`);
  }
}
