import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutcomeState1763900000000 implements MigrationInterface {
  name = 'OutcomeState1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outcome_state (
      outcome_id uuid PRIMARY KEY,
      version int NOT NULL,
      retracted boolean NOT NULL DEFAULT false
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outcome_state`);
  }
}
