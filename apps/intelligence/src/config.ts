import { OUTBOX_ENV, OutboxEnv } from '@intensify/messaging';
import { int, readServiceEnv, ServiceEnv } from '@intensify/runtime';

export interface IntelligenceEnv extends ServiceEnv<'INTELLIGENCE'>, OutboxEnv {
  /** Length of a day for the providers' 5-working-day deadline; tests shorten it. */
  INTELLIGENCE_DAY_MS: number;
}

export const INTELLIGENCE_ENV = Symbol('INTELLIGENCE_ENV');
export const SCHEMA = 'intelligence';

export function loadIntelligenceEnv(): IntelligenceEnv {
  return readServiceEnv('INTELLIGENCE', 3104, {
    INTELLIGENCE_DAY_MS: int(86_400_000, 1, 86_400_000),
    ...OUTBOX_ENV,
  });
}
