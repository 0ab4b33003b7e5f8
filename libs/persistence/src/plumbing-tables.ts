/**
 * The tables every writing service keeps beside its own: its audit log and its idempotency
 * keys. Migrations call these, so the SQL is written once; the text is what the first
 * migrations ran, so it must not change (a new shape is a new migration).
 */
export function auditLogTableSql(schema: string, o: { operationId: boolean }): string {
  const operation = o.operationId ? `\n      operation_id uuid,` : '';
  return `CREATE TABLE ${schema}.audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor jsonb NOT NULL,
      action text NOT NULL,${operation}
      subject_id text,
      correlation_id text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    )`;
}

/** Keys are unique within a scope: an operation (`operation_id uuid`) or a named one (`scope text`). */
export function idempotencyKeysTableSql(
  schema: string,
  scope: 'operation_id uuid' | 'scope text',
): string {
  return `CREATE TABLE ${schema}.idempotency_keys (
      ${scope} NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      response jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (${scope.split(' ')[0]}, key)
    )`;
}

/**
 * `CREATE TABLE` from its definitions (columns and constraints), one a line as the first
 * migrations laid them out: a new migration lists what a table holds, not how SQL is spaced.
 */
export function createTableSql(table: string, definitions: string[]): string {
  return `CREATE TABLE ${table} (\n      ${definitions.join(',\n      ')}\n    )`;
}
