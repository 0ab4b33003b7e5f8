import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { boardChangedChannel } from '@intensify/contracts';
import { PROJECTIONS_ENV, ProjectionsEnv } from '../config';

/** Tells gateways that a board changed; they re-read it once per burst and push it to viewers. */
@Injectable()
export class BoardChangesPublisher implements OnApplicationShutdown {
  readonly redis: Redis;
  private readonly channel: string;

  constructor(@Inject(PROJECTIONS_ENV) env: ProjectionsEnv) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.on('error', () => undefined);
    this.channel = boardChangedChannel(env.REDIS_PREFIX);
  }

  async publish(operationIds: Iterable<string>): Promise<void> {
    for (const id of operationIds) {
      // A lost notice only delays a screen until the next change; figures are in PostgreSQL.
      await this.redis.publish(this.channel, id).catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
