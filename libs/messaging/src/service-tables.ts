import { auditLogTableSql, idempotencyKeysTableSql } from '@intensify/persistence';
import { outboxTableSql } from './outbox';
import { consumerOffsetsTableSql } from './transactional-consumer';

/**
 * The plumbing tables a writing, consuming service keeps beside its own, in the order its first
 * migration creates them: idempotency keys, audit log, outbox, consumer offsets.
 */
export function serviceTablesSql(
  schema: string,
  o: { idempotencyScope: 'operation_id uuid' | 'scope text'; auditOperationId: boolean },
): string[] {
  return [
    idempotencyKeysTableSql(schema, o.idempotencyScope),
    auditLogTableSql(schema, { operationId: o.auditOperationId }),
    ...outboxTableSql(schema),
    consumerOffsetsTableSql(schema),
  ];
}

/** The same tables in the order a migration's `down` drops them. */
export const SERVICE_TABLES_DROP_ORDER = [
  'consumer_offsets',
  'outbox',
  'audit_log',
  'idempotency_keys',
];
