import { checkEnv, EnvSpec, maybe, oneOf, readEnv, str } from './env';
import { readEnvFile } from './env-files';

/** libpq's names: `require` encrypts; only `verify-full` also proves who the server is. */
export const DATABASE_SSL_MODES = ['disable', 'require', 'verify-full'] as const;
export type DatabaseSslMode = (typeof DATABASE_SSL_MODES)[number];

export interface DatabaseSsl {
  /** Absent: pg's own defaults (`sslmode` in DATABASE_URL, else PGSSLMODE, else no TLS). */
  mode?: DatabaseSslMode;
  /** PEM text of the authorities to trust with `verify-full`; absent: the system's. */
  ca?: string;
}

interface DatabaseSslVars {
  DATABASE_SSL?: DatabaseSslMode;
  DATABASE_SSL_CA_FILE?: string;
  DATABASE_URL?: string;
}

const SPEC: EnvSpec<DatabaseSslVars> = {
  DATABASE_SSL: maybe(oneOf(DATABASE_SSL_MODES)),
  DATABASE_SSL_CA_FILE: maybe(str()),
  DATABASE_URL: maybe(str()),
};

/** Reads DATABASE_SSL and DATABASE_SSL_CA_FILE; a setting that would be ignored stops start-up. */
export function readDatabaseSsl(env: NodeJS.ProcessEnv = process.env): DatabaseSsl {
  const vars = readEnv(SPEC, env);
  return checkEnv((problem) => {
    const mode = vars.DATABASE_SSL;
    if (vars.DATABASE_SSL_CA_FILE !== undefined && mode !== 'verify-full') {
      problem(`DATABASE_SSL_CA_FILE needs DATABASE_SSL=verify-full, not ${mode ?? 'unset'}`);
    }
    // pg lets ssl parameters of the URL override the ssl option: two settings, one silently lost.
    const inUrl = sslParameters(vars.DATABASE_URL);
    if (mode !== undefined && inUrl.length) {
      problem(`DATABASE_URL sets ${inUrl.join(', ')} and DATABASE_SSL is set too: keep one`);
    }
    const ca =
      mode === 'verify-full'
        ? readEnvFile('DATABASE_SSL_CA_FILE', vars.DATABASE_SSL_CA_FILE, problem)
        : undefined;
    return { ...(mode && { mode }), ...(ca !== undefined && { ca }) };
  });
}

let fromProcess: DatabaseSsl | undefined;

/** This process's setting, read once, so that every connection is made the same way. */
export function databaseSsl(): DatabaseSsl {
  return (fromProcess ??= readDatabaseSsl());
}

function sslParameters(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [...new URL(url).searchParams.keys()].filter((key) => key.startsWith('ssl'));
  } catch {
    return []; // COMMON_ENV reports a malformed DATABASE_URL
  }
}
