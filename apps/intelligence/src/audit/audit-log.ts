import { EntityManager } from 'typeorm';
import { Actor } from '@intensify/contracts';

export interface AuditRecord {
  actor: Actor;
  action: string;
  subjectId: string;
  correlationId: string;
  details?: Record<string, unknown>;
}

/**
 * Written in the caller's transaction: a change and its audit record commit together. Reads of
 * line-holder references are audited too, so who saw which reference is always known.
 */
export async function audit(m: EntityManager, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await m.query(
    `INSERT INTO intelligence.audit_log (actor, action, subject_id, correlation_id, details)
     SELECT a::jsonb, x, s, c, d::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(a, x, s, c, d)`,
    [
      records.map((r) => JSON.stringify(r.actor)),
      records.map((r) => r.action),
      records.map((r) => r.subjectId),
      records.map((r) => r.correlationId),
      records.map((r) => JSON.stringify(r.details ?? {})),
    ],
  );
}
