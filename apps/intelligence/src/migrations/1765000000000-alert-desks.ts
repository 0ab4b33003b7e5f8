import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deconfliction alerts gain a status (open → acknowledged → resolved), the region the NCLCC
 * handed them to, and who took each step when; the resolution's note stays here, off the bus.
 * A replacement alert records the order applied for on its new number.
 */
export class AlertDesks1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intelligence.deconfliction_alerts
      ADD COLUMN status text NOT NULL DEFAULT 'open',
      ADD COLUMN handed_region text,
      ADD COLUMN handed_at timestamptz,
      ADD COLUMN handed_by jsonb,
      ADD COLUMN acknowledged_at timestamptz,
      ADD COLUMN acknowledged_by jsonb,
      ADD COLUMN resolved_at timestamptz,
      ADD COLUMN resolved_by jsonb,
      ADD COLUMN resolution_note text`);
    await q.query(`ALTER TABLE intelligence.replacement_alerts
      ADD COLUMN ddtro_id uuid REFERENCES intelligence.ddtros(id),
      ADD COLUMN applied_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intelligence.replacement_alerts
      DROP COLUMN ddtro_id, DROP COLUMN applied_at`);
    await q.query(`ALTER TABLE intelligence.deconfliction_alerts
      DROP COLUMN status, DROP COLUMN handed_region, DROP COLUMN handed_at, DROP COLUMN handed_by,
      DROP COLUMN acknowledged_at, DROP COLUMN acknowledged_by, DROP COLUMN resolved_at,
      DROP COLUMN resolved_by, DROP COLUMN resolution_note`);
  }
}
