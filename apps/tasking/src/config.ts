import { OUTBOX_ENV, OutboxEnv } from '@intensify/messaging';
import { int, readServiceEnv, ServiceEnv } from '@intensify/runtime';

export interface TaskingEnv extends ServiceEnv<'TASKING'>, OutboxEnv {
  /** Length of a "minute" for acknowledgement windows; tests shorten it so deadlines pass in seconds. */
  TASKING_MINUTE_MS: number;
}

export const TASKING_ENV = Symbol('TASKING_ENV');
export const SCHEMA = 'tasking';

export function loadTaskingEnv(): TaskingEnv {
  return readServiceEnv('TASKING', 3103, {
    TASKING_MINUTE_MS: int(60_000, 1, 3_600_000),
    ...OUTBOX_ENV,
  });
}
