import { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerOffsetsTableSql } from '@intensify/messaging';

/** Focus forces follow the focus lines the intelligence service announces; `focus_seq` orders them. */
export class FocusForces1764100000000 implements MigrationInterface {
  name = 'FocusForces1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reporting.operations ADD COLUMN focus_seq int NOT NULL DEFAULT 0`);
    await q.query(consumerOffsetsTableSql('reporting'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reporting.consumer_offsets`);
    await q.query(`ALTER TABLE reporting.operations DROP COLUMN focus_seq`);
  }
}
