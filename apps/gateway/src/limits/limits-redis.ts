import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { GATEWAY_ENV, GatewayEnv } from '../config';

/**
 * The gateway's Redis connection for counters (rate limits, open streams), shared by every
 * instance. Commands fail fast while Redis is away, and the limits then let requests through.
 */
@Injectable()
export class LimitsRedis implements OnModuleDestroy {
  readonly client: Redis;
  /** Keys of this environment (`REDIS_PREFIX`) for limits. */
  readonly prefix: string;
  private readonly logger = new Logger('Limits');

  constructor(@Inject(GATEWAY_ENV) env: GatewayEnv) {
    this.prefix = `${env.REDIS_PREFIX}:limits`;
    this.client = new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.client.on('error', (e) => this.logger.warn(`redis: ${e.message}`));
  }

  /** Logs a counter that could not be read; the request goes through. */
  failedOpen(what: string, e: unknown): void {
    this.logger.warn(`${what} not counted: ${(e as Error).message}`);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
