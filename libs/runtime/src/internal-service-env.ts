import { KeyObject } from 'node:crypto';
import { readSigningKey, readVerifyKey } from '@intensify/auth';
import { EnvSpec, int, str } from './env';

/** What every internal service reads beside the common variables. */
export interface InternalServiceEnv {
  /** The address the service listens on, API and metrics alike. */
  HOST: string;
  /** Every call's service credential is checked against this public key. */
  SERVICE_VERIFY_KEY: KeyObject;
}

export const INTERNAL_SERVICE_ENV: EnvSpec<InternalServiceEnv> = {
  HOST: str('127.0.0.1'),
  SERVICE_VERIFY_KEY: (raw, name) => readVerifyKey(str()(raw, name), name),
};

/** A calling service's private key for the credentials it sends; required. */
export const signingKey = (raw: string | undefined, name: string): KeyObject =>
  readSigningKey(str()(raw, name), name);

/** A `…METRICS_PORT`: unset means the API port + 1000 (see `startService`), 0 means none. */
export const metricsPort = (raw: string | undefined, name: string): number | undefined =>
  raw === undefined ? undefined : int(0, 0, 65535)(raw, name);
