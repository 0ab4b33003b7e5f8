import { Board } from '../api/v1/tally';
import { CSV_LIMITS } from '../api/v1/csv-return';
import { checkSchema, Validated } from '../validation';

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

/**
 * Redis pub/sub channel on which projections announce that inboxes changed (message: an
 * audience key that got a notification, or a user key whose read marks changed; see
 * `inboxAudiences` in libs/auth), once the change has committed.
 */
export function inboxChangedChannel(redisPrefix: string): string {
  return `${redisPrefix}:inbox-changed`;
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

/** The register lines a request names (an outcome, a CSV return, taskings), looked up in one call. */
export interface LineLookupRequest {
  ids: string[];
}

const LINE_LOOKUP_SCHEMA = {
  $id: 'internal-line-lookup.v1',
  type: 'object',
  additionalProperties: false,
  required: ['ids'],
  properties: {
    ids: { type: 'array', maxItems: CSV_LIMITS.rows, items: { type: 'string', maxLength: 100 } },
  },
} as const;

export function validateLineLookup(raw: unknown): Validated<LineLookupRequest> {
  const errors = checkSchema(LINE_LOOKUP_SCHEMA, raw);
  return errors.length ? { ok: false, errors } : { ok: true, value: raw as LineLookupRequest };
}

/**
 * The lines found, each with the forces it concerns (recording, exporting, importing) so the
 * gateway applies the one scope policy; ids not in the register are simply absent.
 */
export interface LineLookup {
  lines: { id: string; forces: string[] }[];
}
