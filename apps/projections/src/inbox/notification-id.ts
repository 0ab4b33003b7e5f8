import { createHash } from 'node:crypto';

/**
 * A name-based UUID (version 5 layout) of what a notification is derived from: the same event
 * gives the same id in every rebuild and for every copy, so read marks keep meaning it.
 */
export function notificationId(name: string): string {
  const h = createHash('sha1').update(`intensify.inbox:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
