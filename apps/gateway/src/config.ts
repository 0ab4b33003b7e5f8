import { KeyObject } from 'node:crypto';
import {
  COMMON_ENV,
  CommonEnv,
  EnvSpec,
  int,
  metricsPort,
  oneOf,
  readEnv,
  signingKey,
  str,
  url,
} from '@intensify/runtime';
import {
  AuthSettings,
  checkAuthSettings,
  isLocalDevelopment,
  oidcAlgorithms,
} from './auth/auth-settings';
import { LIMIT_ENV, LimitSettings } from './limits/limit-settings';

export interface GatewayEnv extends CommonEnv, AuthSettings, LimitSettings {
  PORT: number;
  /** The address the gateway listens on; dev sign-in needs a loopback one. */
  HOST: string;
  /** Unset: PORT + 1000; 0: no metrics listener. */
  METRICS_PORT?: number;
  AUTH_CLAIM_ROLE: string;
  AUTH_CLAIM_REGION: string;
  AUTH_CLAIM_FORCE: string;
  /** Least gap between two fetches of the provider's keys when a token names an unknown one. */
  AUTH_JWKS_COOLDOWN_MS: number;
  /** The pages' OAuth client at the provider (authorization code with PKCE). */
  AUTH_CLIENT_ID?: string;
  REPORTING_URL: string;
  PROJECTIONS_URL: string;
  TASKING_URL: string;
  INTELLIGENCE_URL: string;
  SAFEGUARDING_URL: string;
  UPSTREAM_TIMEOUT_MS: number;
  /** Signs the credential every internal call carries. */
  SERVICE_SIGNING_KEY: KeyObject;
  /** Minimum gap between two pushes of one board on its stream. */
  BOARD_PUSH_INTERVAL_MS: number;
  /** Headless Chromium that renders the week's summary as PDF. */
  CHROMIUM_PATH: string;
}

const optional = (raw: string | undefined) => raw;
const optionalUrl = (raw: string | undefined, name: string) =>
  raw === undefined ? undefined : url(raw)(raw, name);

/** Dev sign-in is the default only where development happens; anywhere else, the provider. */
const gatewaySpec = (source: NodeJS.ProcessEnv): EnvSpec<GatewayEnv> => ({
  ...COMMON_ENV,
  PORT: int(3000, 1, 65535),
  HOST: str('127.0.0.1'),
  METRICS_PORT: metricsPort,
  AUTH_MODE: oneOf(['dev', 'oidc'] as const, isLocalDevelopment(source.NODE_ENV) ? 'dev' : 'oidc'),
  AUTH_DEV_SECRET: optional,
  AUTH_ISSUER: optionalUrl,
  AUTH_AUDIENCE: optional,
  AUTH_JWKS_URI: optionalUrl,
  AUTH_ALGORITHMS: oidcAlgorithms,
  AUTH_CLAIM_ROLE: str('role'),
  AUTH_CLAIM_REGION: str('region'),
  AUTH_CLAIM_FORCE: str('force'),
  AUTH_JWKS_COOLDOWN_MS: int(30_000, 0, 3_600_000),
  AUTH_CLIENT_ID: optional,
  REPORTING_URL: url('http://127.0.0.1:3101'),
  PROJECTIONS_URL: url('http://127.0.0.1:3102'),
  TASKING_URL: url('http://127.0.0.1:3103'),
  INTELLIGENCE_URL: url('http://127.0.0.1:3104'),
  SAFEGUARDING_URL: url('http://127.0.0.1:3105'),
  UPSTREAM_TIMEOUT_MS: int(10_000, 100, 120_000),
  SERVICE_SIGNING_KEY: signingKey,
  BOARD_PUSH_INTERVAL_MS: int(250, 0, 10_000),
  CHROMIUM_PATH: str('/usr/bin/chromium'),
  ...LIMIT_ENV,
});

export const GATEWAY_ENV = Symbol('GATEWAY_ENV');

/** Reads the gateway's settings; refuses, naming the setting, what would be unsafe to serve. */
export function loadGatewayEnv(source: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const env = readEnv(gatewaySpec(source), source);
  return { ...env, ...checkAuthSettings(env) };
}
