import { createHash } from 'node:crypto';

/**
 * Identifies "the same request" for idempotency. Inputs are normalized outcomes whose keys
 * are always built in one order, so equal meanings give equal JSON.
 */
export function fingerprint(kind: string, target: string, body: unknown): string {
  return createHash('sha256')
    .update(`${kind}\n${target}\n${JSON.stringify(body)}`)
    .digest('base64url');
}
