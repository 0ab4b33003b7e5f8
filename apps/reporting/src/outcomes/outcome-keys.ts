import { IdempotencyStore } from '@intensify/persistence';
import { SCHEMA } from '../config';

/** An Idempotency-Key is unique within an operation. */
export const outcomeKeys = new IdempotencyStore(SCHEMA, 'operation_id');

/**
 * What `fingerprint` identifies for an outcome write. Outcomes are normalized with their keys
 * always built in one order, so equal meanings give equal text.
 */
export function requestPrint(kind: 'record' | 'correct', target: string, body: unknown): string {
  return `${kind}\n${target}\n${JSON.stringify(body)}`;
}
