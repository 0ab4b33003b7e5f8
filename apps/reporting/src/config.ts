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

export interface ReportingEnv extends CommonEnv, InternalServiceEnv {
  REPORTING_PORT: number;
  /** Unset: REPORTING_PORT + 1000; 0: no metrics listener. */
  REPORTING_METRICS_PORT?: number;
  /** Allowance for reporters' clocks running ahead when checking "not in the future". */
  CLOCK_SKEW_MS: number;
  /** Health turns 503 when a non-empty outbox has not drained for this long. */
  OUTBOX_STALL_MS: number;
}

const SPEC: EnvSpec<ReportingEnv> = {
  ...COMMON_ENV,
  ...INTERNAL_SERVICE_ENV,
  REPORTING_PORT: int(3101, 1, 65535),
  REPORTING_METRICS_PORT: metricsPort,
  CLOCK_SKEW_MS: int(120_000, 0, 3_600_000),
  OUTBOX_STALL_MS: int(30_000, 1000, 3_600_000),
};

export const REPORTING_ENV = Symbol('REPORTING_ENV');
export const SCHEMA = 'reporting';

export function loadReportingEnv(): ReportingEnv {
  return readEnv(SPEC);
}
