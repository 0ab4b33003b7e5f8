import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { boardChangedChannel, inboxChangedChannel } from '@intensify/contracts';
import { PROJECTIONS_ENV, ProjectionsEnv } from '../config';

/**
 * Tells gateways that a board changed (they re-read it once per burst and push it to viewers),
 * and that inboxes changed (by audience, or one user's read marks).
 */
@Injectable()
export class BoardChangesPublisher implements OnApplicationShutdown {
  readonly redis: Redis;
  private readonly channel: string;
  private readonly inboxChannel: string;

  constructor(@Inject(PROJECTIONS_ENV) env: ProjectionsEnv) {
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.on('error', () => undefined);
    this.channel = boardChangedChannel(env.REDIS_PREFIX);
    this.inboxChannel = inboxChangedChannel(env.REDIS_PREFIX);
  }

  publish(operationIds: Iterable<string>): Promise<void> {
    return this.announce(this.channel, operationIds);
  }

  publishInboxes(keys: Iterable<string>): Promise<void> {
    return this.announce(this.inboxChannel, keys);
  }

  private async announce(channel: string, ids: Iterable<string>): Promise<void> {
    // One pipeline per batch: a batch of a busy week names every operation it touched, and one
    // round trip each, in turn, held the partition's next batch back.
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.publish(channel, id);
    // A lost notice only delays a screen until the next change; the data is in PostgreSQL.
    if (pipeline.length) await pipeline.exec().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
