import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { handoffsChangedChannel } from '@intensify/contracts';
import { SAFEGUARDING_ENV, SafeguardingEnv } from '../config';

/**
 * Tells gateways which operations' hand-offs changed, so their streams re-read them. Announced
 * from our own topic, after the consumer committed: the change is then surely readable here.
 */
@Injectable()
export class HandoffsChangedPublisher implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(@Inject(SAFEGUARDING_ENV) env: SafeguardingEnv) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.channel = handoffsChangedChannel(env.REDIS_PREFIX);
  }

  async announce(operations: Iterable<string>): Promise<void> {
    for (const id of operations) {
      // A lost notice only delays a screen until the next change or reconnect; state is in PostgreSQL.
      await this.redis.publish(this.channel, id).catch(() => undefined);
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
