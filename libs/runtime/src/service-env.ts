import { COMMON_ENV, CommonEnv } from './common-env';
import { EnvSpec, int, readEnv } from './env';
import { INTERNAL_SERVICE_ENV, InternalServiceEnv, metricsPort } from './internal-service-env';

/**
 * What an internal service named `N` reads before its own variables: the common and internal
 * ones, `<N>_PORT` for its API and `<N>_METRICS_PORT` (see `metricsPort`).
 */
export type ServiceEnv<N extends string> = CommonEnv &
  InternalServiceEnv &
  Record<`${N}_PORT`, number> &
  Partial<Record<`${N}_METRICS_PORT`, number>>;

/** Reads an internal service's environment once at start-up; `port` is its API's default. */
export function readServiceEnv<N extends string, T>(
  name: N,
  port: number,
  own: EnvSpec<T>,
  env: NodeJS.ProcessEnv = process.env,
): ServiceEnv<N> & T {
  const ports = { [`${name}_PORT`]: int(port, 1, 65535), [`${name}_METRICS_PORT`]: metricsPort };
  const spec = { ...COMMON_ENV, ...INTERNAL_SERVICE_ENV, ...ports, ...own };
  return readEnv(spec as EnvSpec<ServiceEnv<N> & T>, env);
}
