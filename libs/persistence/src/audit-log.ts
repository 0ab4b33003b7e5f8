import { EntityManager } from 'typeorm';
import { Actor } from '@intensify/contracts';
import { quoteIdent } from './database';

export interface AuditRecord {
  actor: Actor;
  action: string;
  operationId?: string | null;
  subjectId: string | null;
  correlationId: string;
  details?: Record<string, unknown>;
}

/**
 * Appends to `<schema>.audit_log` in the caller's transaction: a change and its audit record
 * commit together or not at all. One statement for any number of records.
 */
export async function audit(
  m: EntityManager,
  schema: string,
  records: AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await m.query(
    `INSERT INTO ${quoteIdent(schema)}.audit_log (actor, action, operation_id, subject_id, correlation_id, details)
     SELECT a::jsonb, x, o::uuid, s, c, d::jsonb
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(a, x, o, s, c, d)`,
    [
      records.map((r) => JSON.stringify(r.actor)),
      records.map((r) => r.action),
      records.map((r) => r.operationId ?? null),
      records.map((r) => r.subjectId),
      records.map((r) => r.correlationId),
      records.map((r) => JSON.stringify(r.details ?? {})),
    ],
  );
}
