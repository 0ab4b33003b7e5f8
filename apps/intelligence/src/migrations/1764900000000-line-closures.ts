import { MigrationInterface, QueryRunner } from 'typeorm';

/** A line closed by a reported outcome names it; lines closed in the register leave it null. */
export class LineClosures1764900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intelligence.lines ADD COLUMN closed_by_outcome uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intelligence.lines DROP COLUMN closed_by_outcome`);
  }
}
