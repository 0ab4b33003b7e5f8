import { Board } from '../api/v1/tally';

/**
 * Headers an internal call carries beside its service credential (see service-credential.ts),
 * which alone says who calls, for whom, under which correlation id.
 */
export const INTERNAL_HEADERS = {
  idempotencyKey: 'idempotency-key',
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

/**
 * Redis pub/sub channel on which hand-off changes are announced (message: the hand-off's
 * operation id, or `HANDOFFS_WITHOUT_OPERATION`), so gateways' hand-off streams re-read them.
 * The safeguarding service announces every change once it is readable (deadline effects
 * included); the gateway also announces what it forwarded, so a viewer sees it at once.
 */
export function handoffsChangedChannel(redisPrefix: string): string {
  return `${redisPrefix}:handoffs-changed`;
}

/** The message for a hand-off raised outside any intensification week. */
export const HANDOFFS_WITHOUT_OPERATION = 'none';

/** What projections answer for a board: everything but the status, which reporting owns. */
export type BoardFigures = Omit<Board, 'status' | 'final'>;
