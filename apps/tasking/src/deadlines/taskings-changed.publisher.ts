import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { taskingsChangedChannel } from '@intensify/contracts';
import { TASKING_ENV, TaskingEnv } from '../config';

/**
 * Tells gateways which operations' taskings changed, so their streams re-read them. Announced
 * from our own topic, after the consumer committed: the change is then surely readable here.
 */
@Injectable()
export class TaskingsChangedPublisher implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly channel: string;

  constructor(@Inject(TASKING_ENV) env: TaskingEnv) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    this.channel = taskingsChangedChannel(env.REDIS_PREFIX);
  }

  async announce(operationIds: Iterable<string>): Promise<void> {
    for (const id of operationIds) {
      // A lost notice only delays a screen until the next change or reconnect; state is in PostgreSQL.
      await this.redis.publish(this.channel, id).catch(() => undefined);
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
