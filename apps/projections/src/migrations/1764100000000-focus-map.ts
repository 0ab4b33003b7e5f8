import { MigrationInterface, QueryRunner } from 'typeorm';

export class FocusMap1764100000000 implements MigrationInterface {
  name = 'FocusMap1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Where each line runs now, from its latest event (`seq` skips copies and older events).
    await q.query(`CREATE TABLE focus_map_lines (
      line_id uuid PRIMARY KEY,
      seq int NOT NULL,
      exporting_force text NOT NULL,
      importing_forces text[] NOT NULL,
      status text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // A week's focus lines as picked, with where each ran when picked.
    await q.query(`CREATE TABLE focus_map_operations (
      operation_id uuid PRIMARY KEY,
      seq int NOT NULL,
      line_ids uuid[] NOT NULL,
      focus_forces text[] NOT NULL,
      lines jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE focus_map_operations`);
    await q.query(`DROP TABLE focus_map_lines`);
  }
}
