import { ConnectionOptions } from 'node:tls';
import { ClientConfig } from 'pg';
// Types only: the test set-up loads this file without the @intensify/* path mapping.
import type { DatabaseSsl } from '@intensify/runtime';

/** Only what the modes set, so that pg's and TypeORM's (differently typed) options accept it. */
export type PgSsl = undefined | false | Pick<ConnectionOptions, 'rejectUnauthorized' | 'ca'>;

/** pg's `ssl` option for a setting (`databaseSsl()`: the process's), each mode as libpq means it. */
export function pgSsl(ssl: DatabaseSsl): PgSsl {
  switch (ssl.mode) {
    case undefined:
      return undefined; // pg decides, as before the setting existed
    case 'disable':
      return false;
    case 'require':
      // Encrypted, server unverified (as libpq): proof against eavesdropping, not impersonation.
      return { rejectUnauthorized: false };
    case 'verify-full':
      // Node checks the chain and that the certificate names the host of the URL.
      return { rejectUnauthorized: true, ...(ssl.ca !== undefined && { ca: ssl.ca }) };
  }
}

/** Settings of a pg Client for a URL and a TLS setting. */
export function pgClientConfig(url: string, ssl: DatabaseSsl): ClientConfig {
  return { connectionString: url, ssl: pgSsl(ssl) };
}
