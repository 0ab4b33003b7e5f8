import { Client } from 'pg';
import { databaseSsl } from '@intensify/runtime';
import { pgClientConfig } from './pg-ssl';

/**
 * Creates the database named in the URL if it is missing, then the service's schema.
 * Several services start at once, so "already exists" from a racing peer is success.
 */
export async function ensureDatabaseAndSchema(databaseUrl: string, schema: string): Promise<void> {
  const target = new URL(databaseUrl);
  const dbName = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const adminClient = new Client(pgClientConfig(admin.toString(), databaseSsl()));
  await adminClient.connect();
  try {
    const exists = await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      dbName,
    ]);
    if (exists.rowCount === 0) {
      await adminClient.query(`CREATE DATABASE ${quoteIdent(dbName)}`).catch(ignoreAlreadyExists);
    }
  } finally {
    await adminClient.end();
  }
  const client = new Client(pgClientConfig(databaseUrl, databaseSsl()));
  await client.connect();
  try {
    await client
      .query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`)
      .catch(ignoreAlreadyExists);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function ignoreAlreadyExists(e: { code?: string }): void {
  // 42P04 duplicate_database, 42P06 duplicate_schema, 23505 unique_violation on the catalog
  if (!['42P04', '42P06', '23505'].includes(e.code ?? '')) throw e;
}
