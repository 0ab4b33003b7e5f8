import { Inject, Injectable } from '@nestjs/common';
import { Response } from 'express';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ProblemError } from '@intensify/problems';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { LimitsRedis } from './limits-redis';

export type RateLimitName = 'user' | 'address' | 'devToken' | 'upload';

const WHAT: Record<RateLimitName, string> = {
  user: 'requests by this user',
  address: 'requests from this address',
  devToken: 'dev sign-ins from this address',
  upload: 'CSV uploads by this user',
};

/** Fixed-window request counters in Redis, one per kind of limit, shared by every instance. */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<RateLimitName, RateLimiterRedis>;

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly redis: LimitsRedis,
  ) {
    const limiter = (name: RateLimitName, points: number) =>
      new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${redis.prefix}:rate:${name}`,
        points,
        duration: env.RATE_LIMIT_WINDOW_S,
        rejectIfRedisNotReady: true,
      });
    this.limiters = {
      user: limiter('user', env.RATE_LIMIT_PER_USER),
      address: limiter('address', env.RATE_LIMIT_PER_ADDRESS),
      devToken: limiter('devToken', env.RATE_LIMIT_DEV_TOKEN),
      upload: limiter('upload', env.RATE_LIMIT_UPLOADS),
    };
  }

  /**
   * Counts one request against `name` for `key`; over the limit, sets `Retry-After` and throws
   * 429 `rate_limited`. A counter Redis cannot reach lets the request through.
   */
  async consume(name: RateLimitName, key: string, res: Response): Promise<void> {
    try {
      await this.limiters[name].consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) return this.redis.failedOpen(`${name} rate limit`, e);
      const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      res.setHeader('retry-after', String(seconds));
      throw new ProblemError(
        'rate_limited',
        `Too many ${WHAT[name]}: at most ${this.limiters[name].points} every ${this.env.RATE_LIMIT_WINDOW_S} s; retry in ${seconds} s`,
      );
    }
  }
}
