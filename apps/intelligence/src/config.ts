import {
  COMMON_ENV,
  CommonEnv,
  EnvSpec,
  int,
  INTERNAL_SERVICE_ENV,
  InternalServiceEnv,
  metricsPort,
  readEnv,
} from '@intensify/runtime';

export interface IntelligenceEnv extends CommonEnv, InternalServiceEnv {
  INTELLIGENCE_PORT: number;
  /** Unset: INTELLIGENCE_PORT + 1000; 0: no metrics listener. */
  INTELLIGENCE_METRICS_PORT?: number;
  /** Length of a day for the providers' 5-working-day deadline; tests shorten it. */
  INTELLIGENCE_DAY_MS: number;
  OUTBOX_STALL_MS: number;
}

const SPEC: EnvSpec<IntelligenceEnv> = {
  ...COMMON_ENV,
  ...INTERNAL_SERVICE_ENV,
  INTELLIGENCE_PORT: int(3104, 1, 65535),
  INTELLIGENCE_METRICS_PORT: metricsPort,
  INTELLIGENCE_DAY_MS: int(86_400_000, 1, 86_400_000),
  OUTBOX_STALL_MS: int(30_000, 1000, 3_600_000),
};

export const INTELLIGENCE_ENV = Symbol('INTELLIGENCE_ENV');
export const SCHEMA = 'intelligence';

export function loadIntelligenceEnv(): IntelligenceEnv {
  return readEnv(SPEC);
}
