import { EnvError } from '@intensify/runtime';
import { DEFAULT_OIDC_ALGORITHMS } from '@intensify/auth';

/** The settings that decide who may sign in, checked together at start-up. */
export interface AuthSettings {
  NODE_ENV: 'development' | 'test' | 'production';
  HOST: string;
  AUTH_MODE: 'dev' | 'oidc';
  /** Signs dev tokens; a built-in one serves local development only. */
  AUTH_DEV_SECRET?: string;
  AUTH_ISSUER?: string;
  AUTH_AUDIENCE?: string;
  AUTH_JWKS_URI?: string;
  /** Signing algorithms accepted from the provider. */
  AUTH_ALGORITHMS: string[];
}

/** Committed to the repository, so it protects nothing: local development and tests only. */
export const BUILT_IN_DEV_SECRET = 'intensify-local-development-secret-not-for-production';

const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** NODE_ENV unset, `development` or `test`: a developer's machine or a test run. */
export function isLocalDevelopment(nodeEnv: string | undefined): boolean {
  return !nodeEnv || nodeEnv === 'development' || nodeEnv === 'test';
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** `AUTH_ALGORITHMS`: a comma-separated list of public-key algorithms (never `none` or HS*). */
export function oidcAlgorithms(raw: string | undefined, name: string): string[] {
  if (raw === undefined) return [...DEFAULT_OIDC_ALGORITHMS];
  const list = raw.split(',').map((a) => a.trim());
  const bad = list.filter((a) => !ASYMMETRIC_ALGORITHMS.includes(a));
  if (bad.length || !list.length)
    throw new EnvError(
      `${name} must list algorithms from ${ASYMMETRIC_ALGORITHMS.join(', ')}, got "${raw}"`,
    );
  return list;
}

/**
 * Dev sign-in mints any role for anyone: it is refused in production, on a gateway reachable
 * beyond this machine, and with the committed secret outside development. Returns the settings
 * with the dev secret resolved; throws naming every setting at fault.
 */
export function checkAuthSettings<T extends AuthSettings>(env: T): Pick<T, 'AUTH_DEV_SECRET'> {
  const problems: string[] = [];
  if (env.AUTH_MODE === 'dev') {
    if (env.NODE_ENV === 'production')
      problems.push('AUTH_MODE=dev is refused with NODE_ENV=production: dev sign-in is local only');
    if (!isLoopback(env.HOST))
      problems.push(
        `AUTH_MODE=dev is refused with HOST=${env.HOST}: dev sign-in serves only a gateway listening on loopback (127.0.0.1, ::1, localhost)`,
      );
    if (!env.AUTH_DEV_SECRET && !isLocalDevelopment(env.NODE_ENV))
      problems.push(
        `AUTH_DEV_SECRET is required with AUTH_MODE=dev outside development (NODE_ENV=${env.NODE_ENV}): the built-in one is public`,
      );
  } else {
    if (!env.AUTH_ISSUER) problems.push('AUTH_ISSUER is required with AUTH_MODE=oidc');
    if (!env.AUTH_AUDIENCE) problems.push('AUTH_AUDIENCE is required with AUTH_MODE=oidc');
  }
  if (problems.length) throw new EnvError(`Invalid environment: ${problems.join('; ')}`);
  return {
    AUTH_DEV_SECRET:
      env.AUTH_MODE === 'dev' ? (env.AUTH_DEV_SECRET ?? BUILT_IN_DEV_SECRET) : undefined,
  };
}
