import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox: notifications derived from events (rebuilt like every read model) and each user's
 * read marks. Marks are user state, not derived state, so they live in a schema of their own
 * that a rebuild (which swaps the read models' schema) never replaces; notification ids are
 * derived from their events, so the marks still name the same notifications afterwards.
 */
export class Inbox1765100000000 implements MigrationInterface {
  name = 'Inbox1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inbox_notifications (
      id uuid PRIMARY KEY,
      kind text NOT NULL,
      at timestamptz NOT NULL,
      title text NOT NULL,
      href text NOT NULL,
      operation_id uuid,
      tasking_id uuid,
      handoff_id uuid,
      line_id uuid,
      alert_id uuid,
      ddtro_id uuid,
      force text,
      region text,
      audiences text[] NOT NULL
    )`);
    await q.query(
      `CREATE INDEX inbox_notifications_by_audience ON inbox_notifications USING gin (audiences)`,
    );
    await q.query(
      `CREATE INDEX inbox_notifications_newest ON inbox_notifications (at DESC, id DESC)`,
    );
    // Already there when a rebuild runs this in its fresh schema: kept as it is.
    await q.query(`CREATE SCHEMA IF NOT EXISTS projections_user`);
    await q.query(`CREATE TABLE IF NOT EXISTS projections_user.inbox_reads (
      sub text NOT NULL,
      notification_id uuid NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (sub, notification_id)
    )`);
  }

  /** Read marks are users' own and stay: only the derived table goes. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inbox_notifications`);
  }
}
