import { OUTBOX_ENV, OutboxEnv } from '@intensify/messaging';
import { EnvError, int, readServiceEnv, ServiceEnv } from '@intensify/runtime';

export interface SafeguardingEnv extends ServiceEnv<'SAFEGUARDING'>, OutboxEnv {
  /** Length of an "hour" for acknowledgement deadlines; tests shorten it so 24 h pass in seconds. */
  HANDOFF_HOUR_MS: number;
  /** Days a closed hand-off keeps its subject reference, owner and free text; fractions allowed. */
  HANDOFF_RETENTION_DAYS: number;
  /** How often the retention job looks for hand-offs past their retention period. */
  HANDOFF_RETENTION_CHECK_MS: number;
}

/** A number above zero, fractions allowed (a test's retention period is seconds long). */
const positive =
  (fallback: number, max: number) =>
  (raw: string | undefined, name: string): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0 || n > max)
      throw new EnvError(`${name} must be a number above 0 and at most ${max}, got "${raw}"`);
    return n;
  };

export const SAFEGUARDING_ENV = Symbol('SAFEGUARDING_ENV');
export const SCHEMA = 'safeguarding';

export function loadSafeguardingEnv(): SafeguardingEnv {
  return readServiceEnv('SAFEGUARDING', 3105, {
    HANDOFF_HOUR_MS: int(3_600_000, 1, 3_600_000),
    HANDOFF_RETENTION_DAYS: positive(365, 36_500),
    HANDOFF_RETENTION_CHECK_MS: int(3_600_000, 100, 86_400_000),
    ...OUTBOX_ENV,
  });
}
