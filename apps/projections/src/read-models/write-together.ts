import { EntityManager } from 'typeorm';
import { Write } from './read-model';

/**
 * Several INSERT/UPDATE statements as one: each becomes a data-modifying `WITH` query (PostgreSQL
 * runs every one of them to completion, each on its own table), its parameters renumbered after
 * the ones before it. Every batch sends the same shape, so row locks are taken in one order.
 */
export function together(writes: Write[]): Write {
  if (writes.length === 1) return writes[0];
  const params: unknown[] = [];
  const parts = writes.map((w, i) => {
    const offset = params.length;
    params.push(...w.params);
    const sql = w.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    return `w${i} AS (${sql})`;
  });
  return { sql: `WITH ${parts.join(',\n')}\nSELECT 1`, params };
}

/** Sends the statements in one round trip; nothing when there are none. */
export async function writeTogether(m: EntityManager, writes: Write[]): Promise<void> {
  if (writes.length === 0) return;
  const { sql, params } = together(writes);
  await m.query(sql, params);
}
