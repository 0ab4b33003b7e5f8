import {
  COMMON_ENV,
  CommonEnv,
  EnvError,
  EnvSpec,
  int,
  oneOf,
  readEnv,
  str,
  url,
} from '@intensify/runtime';

export interface GatewayEnv extends CommonEnv {
  PORT: number;
  HOST: string;
  AUTH_MODE: 'dev' | 'oidc';
  AUTH_DEV_SECRET: string;
  AUTH_ISSUER?: string;
  AUTH_AUDIENCE?: string;
  AUTH_JWKS_URI?: string;
  REPORTING_URL: string;
  PROJECTIONS_URL: string;
  TASKING_URL: string;
  INTELLIGENCE_URL: string;
  UPSTREAM_TIMEOUT_MS: number;
  /** Minimum gap between two pushes of one board on its stream. */
  BOARD_PUSH_INTERVAL_MS: number;
  /** Headless Chromium that renders the week's summary as PDF. */
  CHROMIUM_PATH: string;
}

const optional = (raw: string | undefined) => raw;

const SPEC: EnvSpec<GatewayEnv> = {
  ...COMMON_ENV,
  PORT: int(3000, 1, 65535),
  HOST: str('127.0.0.1'),
  AUTH_MODE: (raw, name) =>
    oneOf(['dev', 'oidc'] as const, process.env.NODE_ENV === 'production' ? 'oidc' : 'dev')(
      raw,
      name,
    ),
  AUTH_DEV_SECRET: str('intensify-local-development-secret-not-for-production'),
  AUTH_ISSUER: optional,
  AUTH_AUDIENCE: optional,
  AUTH_JWKS_URI: optional,
  REPORTING_URL: url('http://127.0.0.1:3101'),
  PROJECTIONS_URL: url('http://127.0.0.1:3102'),
  TASKING_URL: url('http://127.0.0.1:3103'),
  INTELLIGENCE_URL: url('http://127.0.0.1:3104'),
  UPSTREAM_TIMEOUT_MS: int(10_000, 100, 120_000),
  BOARD_PUSH_INTERVAL_MS: int(250, 0, 10_000),
  CHROMIUM_PATH: str('/usr/bin/chromium'),
};

export const GATEWAY_ENV = Symbol('GATEWAY_ENV');

export function loadGatewayEnv(): GatewayEnv {
  const env = readEnv(SPEC);
  if (env.AUTH_MODE === 'dev' && env.NODE_ENV === 'production') {
    throw new EnvError(
      'AUTH_MODE=dev is refused when NODE_ENV=production: dev tokens are for local use only',
    );
  }
  return env;
}
