import { Inject, Injectable } from '@nestjs/common';
import { Response } from 'express';
import { ProblemError } from '@intensify/problems';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { LeasedWindowCounter, Lease } from './leased-window-counter';
import { LimitsRedis } from './limits-redis';

export type RateLimitName = 'user' | 'address' | 'devToken' | 'upload';

const WHAT: Record<RateLimitName, string> = {
  user: 'requests by this user',
  address: 'requests from this address',
  devToken: 'dev sign-ins from this address',
  upload: 'CSV uploads by this user',
};

/**
 * Adds a lease to a window's count, opening the window (its key expiring with it) if none is
 * open; answers the new count and the window's milliseconds left. The same keys and counting as
 * rate-limiter-flexible's, which this replaced, so instances of both share counts while a
 * deployment rolls.
 */
const TAKE_LEASE = `
redis.call('set', KEYS[1], 0, 'PX', ARGV[2], 'NX')
local total = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl < 0 then
  redis.call('pexpire', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {total, ttl}`;

interface LeaseCommand {
  takeRateLease(key: string, points: number, windowMs: number): Promise<[number, number]>;
}

/**
 * Fixed-window request counters in Redis, one per kind of limit, shared by every instance and
 * drawn on in leases (see LeasedWindowCounter): a request that fits a lease this instance holds
 * costs no Redis round trip.
 */
@Injectable()
export class RateLimits {
  private readonly counters: Record<RateLimitName, LeasedWindowCounter>;

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly redis: LimitsRedis,
  ) {
    redis.client.defineCommand('takeRateLease', { numberOfKeys: 1, lua: TAKE_LEASE });
    const client = redis.client as unknown as LeaseCommand;
    const windowMs = env.RATE_LIMIT_WINDOW_S * 1000;
    const counter = (name: RateLimitName, limit: number) =>
      new LeasedWindowCounter(limit, async (key, points): Promise<Lease> => {
        const [total, msLeft] = await client.takeRateLease(
          `${redis.prefix}:rate:${name}:${key}`,
          points,
          windowMs,
        );
        return { total, msLeft };
      });
    this.counters = {
      user: counter('user', env.RATE_LIMIT_PER_USER),
      address: counter('address', env.RATE_LIMIT_PER_ADDRESS),
      devToken: counter('devToken', env.RATE_LIMIT_DEV_TOKEN),
      upload: counter('upload', env.RATE_LIMIT_UPLOADS),
    };
  }

  /**
   * Counts one request against `name` for `key`; over the limit, sets `Retry-After` and throws
   * 429 `rate_limited`. A counter Redis cannot reach lets the request through.
   */
  async consume(name: RateLimitName, key: string, res: Response): Promise<void> {
    let verdict;
    try {
      verdict = await this.counters[name].consume(key);
    } catch (e) {
      return this.redis.failedOpen(`${name} rate limit`, e);
    }
    if (verdict.allowed) return;
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    res.setHeader('retry-after', String(seconds));
    throw new ProblemError(
      'rate_limited',
      `Too many ${WHAT[name]}: at most ${this.counters[name].limit} every ${this.env.RATE_LIMIT_WINDOW_S} s; retry in ${seconds} s`,
    );
  }
}
