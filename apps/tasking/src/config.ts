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

export interface TaskingEnv extends CommonEnv, InternalServiceEnv {
  TASKING_PORT: number;
  /** Unset: TASKING_PORT + 1000; 0: no metrics listener. */
  TASKING_METRICS_PORT?: number;
  /** Length of a "minute" for acknowledgement windows; tests shorten it so deadlines pass in seconds. */
  TASKING_MINUTE_MS: number;
  /** Health turns 503 when a non-empty outbox has not drained for this long. */
  OUTBOX_STALL_MS: number;
}

const SPEC: EnvSpec<TaskingEnv> = {
  ...COMMON_ENV,
  ...INTERNAL_SERVICE_ENV,
  TASKING_PORT: int(3103, 1, 65535),
  TASKING_METRICS_PORT: metricsPort,
  TASKING_MINUTE_MS: int(60_000, 1, 3_600_000),
  OUTBOX_STALL_MS: int(30_000, 1000, 3_600_000),
};

export const TASKING_ENV = Symbol('TASKING_ENV');
export const SCHEMA = 'tasking';

export function loadTaskingEnv(): TaskingEnv {
  return readEnv(SPEC);
}
