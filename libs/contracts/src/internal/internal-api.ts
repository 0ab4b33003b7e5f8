import { Board } from '../api/v1/tally';
import { Actor } from '../events/envelope';

/**
 * Headers the gateway sets on internal calls to the owning services. The gateway has already
 * authenticated and checked scope; services trust these only on the internal network.
 */
export const INTERNAL_HEADERS = {
  actor: 'x-intensify-actor',
  correlationId: 'x-correlation-id',
  idempotencyKey: 'idempotency-key',
} as const;

export function encodeActor(actor: Actor): string {
  return Buffer.from(JSON.stringify(actor), 'utf8').toString('base64url');
}

export function decodeActor(header: string | undefined): Actor | null {
  if (!header) return null;
  try {
    const a = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof a?.sub === 'string' && typeof a?.role === 'string' ? (a as Actor) : null;
  } catch {
    return null;
  }
}

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
