import { Pool } from 'pg';
import { ensureDatabaseAndSchema } from '@intensify/persistence';
import { GatewayEnv } from '../config';
import { ACCESS_LOG_DDL, ACCESS_SCHEMA } from './access-log.ddl';

export const ACCESS_POOL = Symbol('ACCESS_POOL');

/** Gateways starting together take turns at the DDL. */
const MIGRATION_LOCK = 62;

/**
 * A small pool of its own: the log is written on every person-level read and must fail fast
 * (503, nothing disclosed) when PostgreSQL does not answer, instead of holding the reader.
 */
export async function openAccessPool(env: GatewayEnv): Promise<Pool> {
  await ensureDatabaseAndSchema(env.DATABASE_URL, ACCESS_SCHEMA);
  const pool = new Pool({
    connectionString: env.DATABASE_URL,
    max: 4,
    connectionTimeoutMillis: 5_000,
    query_timeout: 5_000,
    application_name: 'gateway-access-log',
  });
  // An idle connection's error must not bring the gateway down; the next write reports it.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(ACCESS_LOG_DDL);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  return pool;
}
