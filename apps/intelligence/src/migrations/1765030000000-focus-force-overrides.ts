import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The NCLCC may add or remove a week's focus forces by hand, with a reason: every override is
 * kept (who, when, why), and the week remembers which forces its lines alone touch and where
 * they ran when picked, so an override republishes the focus and overrides still apply when
 * the lines change. Weeks picked before this had no overrides.
 */
export class FocusForceOverrides1765030000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE intelligence.operation_focus ADD COLUMN line_forces text[], ADD COLUMN lines jsonb`,
    );
    // Where the lines ran when picked was on the event only: the register's places stand in.
    await q.query(`UPDATE intelligence.operation_focus f SET line_forces = f.focus_forces,
      lines = COALESCE((SELECT jsonb_agg(jsonb_build_object('lineId', l.id,
          'exportingForce', l.exporting_force, 'importingForces', to_jsonb(l.importing_forces))
          ORDER BY l.id)
        FROM intelligence.lines l WHERE l.id = ANY(f.line_ids)), '[]'::jsonb)`);
    await q.query(
      `ALTER TABLE intelligence.operation_focus ALTER COLUMN line_forces SET NOT NULL, ALTER COLUMN lines SET NOT NULL`,
    );
    await q.query(`CREATE TABLE intelligence.focus_force_overrides (
      id bigserial PRIMARY KEY,
      operation_id uuid NOT NULL,
      force text NOT NULL,
      focus boolean NOT NULL,
      reason_code text NOT NULL,
      reason text NOT NULL,
      set_by jsonb NOT NULL,
      set_at timestamptz NOT NULL
    )`);
    await q.query(
      `CREATE INDEX focus_force_overrides_operation ON intelligence.focus_force_overrides (operation_id, id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intelligence.focus_force_overrides`);
    await q.query(
      `ALTER TABLE intelligence.operation_focus DROP COLUMN line_forces, DROP COLUMN lines`,
    );
  }
}
