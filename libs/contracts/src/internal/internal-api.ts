import { Board } from '../api/v1/tally';

/**
 * Headers an internal call carries beside its service credential (see service-credential.ts),
 * which alone says who calls and for whom. The correlation id is a trace label, not an
 * authority: it rides in a header so that one credential serves many requests.
 */
export const INTERNAL_HEADERS = {
  idempotencyKey: 'idempotency-key',
  correlationId: 'x-correlation-id',
} as const;

/** What reporting answers when it accepted (202) or replayed (200) an outcome write. */
export interface OutcomeAccepted {
  id: string;
  status: 'accepted';
}

/** Redis pub/sub channel on which projections announce a changed board (message: operation id). */
export function boardChangedChannel(redisPrefix: string): string {
  return `${redisPrefix}:board-changed`;
}

/**
 * Redis pub/sub channel on which the tasking service announces that taskings of an operation
 * changed (message: operation id), once the change has reached its own topic.
 */
export function taskingsChangedChannel(redisPrefix: string): string {
  return `${redisPrefix}:taskings-changed`;
}

/** What projections answer for a board: everything but the status, which reporting owns. */
export type BoardFigures = Omit<Board, 'status' | 'final'>;

/**
 * Redis pub/sub channel on which the safeguarding service announces that hand-offs changed
 * (message: the hand-off's operation id, or `none` for one raised outside any week), once the
 * change has reached its own topic.
 */
export function handoffsChangedChannel(redisPrefix: string): string {
  return `${redisPrefix}:handoffs-changed`;
}

/** The message of `handoffsChangedChannel` for hand-offs raised outside any week. */
export const NO_OPERATION = 'none';
