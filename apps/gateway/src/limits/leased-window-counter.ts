/** What the shared store answers when an instance takes a lease on a caller's window. */
export interface Lease {
  /** The window's count after this lease was added to it. */
  total: number;
  /** Milliseconds until the window (and every lease on it) ends. */
  msLeft: number;
}

/** Adds `points` to the count of `key`'s current window, opening one if none is open. */
export type TakeLease = (key: string, points: number) => Promise<Lease>;

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

const ALLOWED: Verdict = { allowed: true };

/** Of a window's allowance, the share one instance takes from the shared count at a time. */
export const LEASE_SHARE = 0.01;

interface Held {
  /** Requests this instance may still let through in the window, without asking the store. */
  left: number;
  /** When the window ends (this instance's clock), measured from before the store was asked. */
  endsAt: number;
  /** The shared count reached the limit: nothing more in this window, from anyone. */
  spent: boolean;
}

/**
 * A fixed-window limit shared by every gateway instance, counted in leases: an instance adds a
 * block of 1 % of the limit (at least 1) to the shared count at once and lets requests through
 * against it locally, asking the store again only when its block is used up. So a busy caller
 * costs one store round trip per block, not per request.
 *
 * Never more than the limit gets through in a window, across all instances: a block is only
 * granted out of what the shared count has left. The tolerance is on the safe side: blocks an
 * instance holds but does not use are lost to the others, so a caller spread over N instances
 * may be refused up to (N - 1) blocks, (N - 1) % of the limit, early. Below 100 a block is one
 * request, and the count is exact, as before. Once the shared count is spent, refusals are
 * answered locally until the window ends.
 */
export class LeasedWindowCounter {
  readonly block: number;
  private readonly held = new Map<string, Held>();
  private readonly taking = new Map<string, Promise<void>>();
  private sweepAtSize = 1_000;

  constructor(
    readonly limit: number,
    private readonly take: TakeLease,
    private readonly now: () => number = Date.now,
  ) {
    this.block = Math.max(1, Math.floor(limit * LEASE_SHARE));
  }

  /** Counts one request of `key`; rejects (and counts nothing) when the store cannot be asked. */
  async consume(key: string): Promise<Verdict> {
    for (;;) {
      const now = this.now();
      const held = this.held.get(key);
      if (held && held.endsAt > now) {
        if (held.left > 0) {
          held.left -= 1;
          return ALLOWED;
        }
        if (held.spent) return { allowed: false, retryAfterMs: held.endsAt - now };
      }
      // One lease at a time per key: requests arriving meanwhile wait for it, then draw on it.
      let taking = this.taking.get(key);
      if (!taking) {
        taking = this.lease(key).finally(() => this.taking.delete(key));
        this.taking.set(key, taking);
      }
      await taking;
    }
  }

  /** Keys held locally now (for tests and metrics). */
  get size(): number {
    return this.held.size;
  }

  private async lease(key: string): Promise<void> {
    const askedAt = this.now();
    const { total, msLeft } = await this.take(key, this.block);
    const before = total - this.block;
    const granted = Math.max(0, Math.min(this.block, this.limit - before));
    this.held.set(key, {
      left: granted,
      endsAt: askedAt + msLeft,
      spent: before + granted >= this.limit,
    });
    if (this.held.size >= this.sweepAtSize) this.sweep();
  }

  /** Forgets windows that have ended, so the map holds only callers of current windows. */
  private sweep(): void {
    const now = this.now();
    for (const [key, held] of this.held) if (held.endsAt <= now) this.held.delete(key);
    this.sweepAtSize = Math.max(1_000, this.held.size * 2);
  }
}
