import { EnvSpec, int } from '@intensify/runtime';

/** What a service with an outbox reads for its health. */
export interface OutboxEnv {
  /** Health turns 503 when a non-empty outbox has not drained for this long. */
  OUTBOX_STALL_MS: number;
}

export const OUTBOX_ENV: EnvSpec<OutboxEnv> = { OUTBOX_STALL_MS: int(30_000, 1000, 3_600_000) };
