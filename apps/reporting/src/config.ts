import { OUTBOX_ENV, OutboxEnv } from '@intensify/messaging';
import { int, readServiceEnv, ServiceEnv } from '@intensify/runtime';

export interface ReportingEnv extends ServiceEnv<'REPORTING'>, OutboxEnv {
  /** Allowance for reporters' clocks running ahead when checking "not in the future". */
  CLOCK_SKEW_MS: number;
}

export const REPORTING_ENV = Symbol('REPORTING_ENV');
export const SCHEMA = 'reporting';

export function loadReportingEnv(): ReportingEnv {
  return readServiceEnv('REPORTING', 3101, {
    CLOCK_SKEW_MS: int(120_000, 0, 3_600_000),
    ...OUTBOX_ENV,
  });
}
