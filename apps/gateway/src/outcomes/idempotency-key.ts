/** `Idempotency-Key` is required, as the contract says: 1–200 printable ASCII characters. */
export { requireIdempotencyKey } from '@intensify/problems';
