import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDatabaseSsl } from './database-ssl-env';

const ca = join(mkdtempSync(join(tmpdir(), 'database-ssl-')), 'ca.pem');
writeFileSync(ca, 'CA PEM');
const url = 'postgres://app@db.example.com:5432/intensify';

describe('readDatabaseSsl', () => {
  it("leaves TLS to pg's defaults when DATABASE_SSL is unset", () => {
    expect(readDatabaseSsl({ DATABASE_URL: url })).toEqual({});
    expect(readDatabaseSsl({ DATABASE_URL: `${url}?sslmode=verify-full` })).toEqual({});
  });

  it('reads each mode, and the authority file for verify-full', () => {
    expect(readDatabaseSsl({ DATABASE_SSL: 'disable' })).toEqual({ mode: 'disable' });
    expect(readDatabaseSsl({ DATABASE_SSL: 'require' })).toEqual({ mode: 'require' });
    expect(readDatabaseSsl({ DATABASE_SSL: 'verify-full' })).toEqual({ mode: 'verify-full' });
    expect(readDatabaseSsl({ DATABASE_SSL: 'verify-full', DATABASE_SSL_CA_FILE: ca })).toEqual({
      mode: 'verify-full',
      ca: 'CA PEM',
    });
  });

  it.each([
    [
      { DATABASE_SSL: 'prefer' },
      /DATABASE_SSL must be one of disable, require, verify-full, got "prefer"/,
    ],
    [
      { DATABASE_SSL: 'require', DATABASE_SSL_CA_FILE: ca },
      /DATABASE_SSL_CA_FILE needs DATABASE_SSL=verify-full, not require/,
    ],
    [
      { DATABASE_SSL_CA_FILE: ca },
      /DATABASE_SSL_CA_FILE needs DATABASE_SSL=verify-full, not unset/,
    ],
    [
      { DATABASE_SSL: 'verify-full', DATABASE_SSL_CA_FILE: `${ca}.missing` },
      /DATABASE_SSL_CA_FILE names a file that cannot be read/,
    ],
    [
      { DATABASE_SSL: 'require', DATABASE_URL: `${url}?sslmode=require` },
      /DATABASE_URL sets sslmode and DATABASE_SSL is set too/,
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readDatabaseSsl(env)).toThrow(message);
  });
});
