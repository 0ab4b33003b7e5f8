import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { FieldError } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { quoteIdent } from './database';

/** What identifies "the same request": text as given, anything else as its JSON. */
export function fingerprint(request: unknown): string {
  const text = typeof request === 'string' ? request : JSON.stringify(request);
  return createHash('sha256').update(text).digest('base64url');
}

export const idempotencyConflictErrors: FieldError[] = [
  { field: 'Idempotency-Key', message: 'already used with a different request' },
];

export function idempotencyConflict(): ProblemError {
  return new ProblemError(
    'idempotency_conflict',
    'This Idempotency-Key was already used with a different request',
    idempotencyConflictErrors,
  );
}

/**
 * A service's `idempotency_keys`: a key is unique within its scope (an operation, a line…).
 * The same key with the same request replays the first answer; with another it is a 409.
 */
export class IdempotencyStore {
  private readonly table: string;

  /** `scopeColumn`: `operation_id` or `scope`, as the service's migration created it. */
  constructor(
    schema: string,
    private readonly scopeColumn: 'operation_id' | 'scope',
  ) {
    this.table = `${quoteIdent(schema)}.idempotency_keys`;
  }

  /**
   * Claims the key for this request in the caller's transaction; `null` when claimed, else
   * the answer stored for the same request. A concurrent request with the same key waits on
   * our insert and then sees the committed answer. `columns` fills the table's own extra ones.
   */
  async claim<T>(
    m: EntityManager,
    scope: string,
    key: string,
    print: string,
    columns: Record<string, unknown> = {},
  ): Promise<T | null> {
    const names = [this.scopeColumn, 'key', 'fingerprint', 'response', ...Object.keys(columns)];
    const values = [scope, key, print, '{}', ...Object.values(columns)];
    const won = await m.query(
      `INSERT INTO ${this.table} (${names.join(', ')})
       VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT DO NOTHING RETURNING key`,
      values,
    );
    if (won.length) return null;
    const [prior]: { fingerprint: string; response: T }[] = await m.query(
      `SELECT fingerprint, response FROM ${this.table} WHERE ${this.scopeColumn} = $1 AND key = $2`,
      [scope, key],
    );
    if (prior.fingerprint !== print) throw idempotencyConflict();
    return prior.response;
  }

  /** Stores the answer of a claimed key, given again on every replay. */
  async answer(m: EntityManager, scope: string, key: string, response: unknown): Promise<void> {
    await m.query(
      `UPDATE ${this.table} SET response = $3 WHERE ${this.scopeColumn} = $1 AND key = $2`,
      [scope, key, JSON.stringify(response)],
    );
  }
}
