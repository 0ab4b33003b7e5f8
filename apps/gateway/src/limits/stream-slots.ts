import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ProblemError } from '@intensify/problems';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { LimitsRedis } from './limits-redis';

/** A slot is held for this long unless renewed, so a crashed instance's streams free theirs. */
const LEASE_MS = 60_000;
const RENEW_MS = LEASE_MS / 3;

/** Drops expired slots, then takes one if fewer than the maximum are held: atomically. */
const TAKE_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * Live streams one user holds open, across every gateway instance: a sorted set per user in
 * Redis whose members are the open streams, scored by when their lease ends.
 */
@Injectable()
export class StreamSlots {
  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly redis: LimitsRedis,
  ) {}

  /** Takes a slot for `sub` (429 `rate_limited` when all are held); returns its release. */
  async take(sub: string): Promise<() => void> {
    const key = `${this.redis.prefix}:streams:${sub}`;
    const slot = randomUUID();
    const now = Date.now();
    try {
      const taken = await this.redis.client.eval(
        TAKE_SLOT,
        1,
        key,
        now,
        this.env.STREAM_MAX_PER_USER,
        now + LEASE_MS,
        slot,
        LEASE_MS * 2,
      );
      if (taken !== 1)
        throw new ProblemError(
          'rate_limited',
          `At most ${this.env.STREAM_MAX_PER_USER} live streams per user are open at once; close one first`,
        );
    } catch (e) {
      if (e instanceof ProblemError) throw e;
      this.redis.failedOpen('live stream', e);
      return () => {};
    }
    const renew = setInterval(() => {
      this.redis.client
        .zadd(key, 'XX', Date.now() + LEASE_MS, slot)
        .catch((err) => this.redis.failedOpen('stream lease', err));
    }, RENEW_MS);
    renew.unref();
    return () => {
      clearInterval(renew);
      this.redis.client.zrem(key, slot).catch((err) => this.redis.failedOpen('stream close', err));
    };
  }
}
