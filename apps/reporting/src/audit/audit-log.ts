import { EntityManager } from 'typeorm';
import { Actor } from '@intensify/contracts';

export interface AuditRecord {
  actor: Actor;
  action: string;
  operationId: string | null;
  subjectId: string | null;
  correlationId: string;
  details?: Record<string, unknown>;
}

/** Written in the caller's transaction: a change and its audit record commit together or not at all. */
export async function audit(m: EntityManager, records: AuditRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += 1000) {
    const chunk = records.slice(start, start + 1000);
    const params: unknown[] = [];
    const rows = chunk.map((r, i) => {
      params.push(
        JSON.stringify(r.actor),
        r.action,
        r.operationId,
        r.subjectId,
        r.correlationId,
        JSON.stringify(r.details ?? {}),
      );
      const b = i * 6;
      return `($${b + 1}::jsonb, $${b + 2}, $${b + 3}::uuid, $${b + 4}, $${b + 5}, $${b + 6}::jsonb)`;
    });
    await m.query(
      `INSERT INTO reporting.audit_log (actor, action, operation_id, subject_id, correlation_id, details) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
