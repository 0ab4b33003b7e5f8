import { COMMON_ENV, CommonEnv, EnvSpec, int, readEnv } from '@intensify/runtime';

export interface TaskingEnv extends CommonEnv {
  TASKING_PORT: number;
  /** Length of a "minute" for acknowledgement windows; tests shorten it so deadlines pass in seconds. */
  TASKING_MINUTE_MS: number;
  /** Health turns 503 when a non-empty outbox has not drained for this long. */
  OUTBOX_STALL_MS: number;
}

const SPEC: EnvSpec<TaskingEnv> = {
  ...COMMON_ENV,
  TASKING_PORT: int(3103, 1, 65535),
  TASKING_MINUTE_MS: int(60_000, 1, 3_600_000),
  OUTBOX_STALL_MS: int(30_000, 1000, 3_600_000),
};

export const TASKING_ENV = Symbol('TASKING_ENV');
export const SCHEMA = 'tasking';

export function loadTaskingEnv(): TaskingEnv {
  return readEnv(SPEC);
}
