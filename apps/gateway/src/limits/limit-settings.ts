import { EnvSpec, int } from '@intensify/runtime';

/**
 * How much one caller may ask of the gateway. Counted per window of `RATE_LIMIT_WINDOW_S`
 * seconds in Redis, so every gateway instance shares the counts. The defaults leave room for
 * honest use (a page opens with a dozen requests; a force office shares one address).
 */
export interface LimitSettings {
  RATE_LIMIT_WINDOW_S: number;
  /** Requests per window by one signed-in user (the token's `sub`). */
  RATE_LIMIT_PER_USER: number;
  /** Requests per window from one client address, signed in or not. */
  RATE_LIMIT_PER_ADDRESS: number;
  /** Dev sign-ins per window from one client address. */
  RATE_LIMIT_DEV_TOKEN: number;
  /** CSV uploads (outcome imports, monthly returns) per window by one user. */
  RATE_LIMIT_UPLOADS: number;
  /** Live streams one user may hold open at once. */
  STREAM_MAX_PER_USER: number;
  /** A viewer that reads nothing of its stream for this long is disconnected. */
  STREAM_STUCK_MS: number;
}

export const LIMIT_ENV: EnvSpec<LimitSettings> = {
  RATE_LIMIT_WINDOW_S: int(60, 1, 3600),
  RATE_LIMIT_PER_USER: int(1200, 1),
  RATE_LIMIT_PER_ADDRESS: int(6000, 1),
  RATE_LIMIT_DEV_TOKEN: int(60, 1),
  RATE_LIMIT_UPLOADS: int(30, 1),
  STREAM_MAX_PER_USER: int(10, 1, 1000),
  STREAM_STUCK_MS: int(30_000, 100, 600_000),
};
