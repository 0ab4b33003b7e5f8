/**
 * Values kept until their own expiry, at most `max` of them: when full, the least recently used
 * entry goes. Credentials are cached on both sides of a call so the hot path rarely signs or
 * verifies; the bound keeps a flood of distinct tokens from growing the heap.
 */
export class ExpiringCache<V> {
  /** In order of last use, oldest first (a Map iterates in insertion order). */
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(private readonly max = 10_000) {
    if (!(max >= 1)) throw new Error('an ExpiringCache holds at least one entry');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, now = Date.now()): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.until <= now) return undefined;
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Keeps `value` until the time `until` (ms since the epoch), when it is no longer returned. */
  set(key: string, value: V, until: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, until });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
