import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { inboxChangedChannel } from '@intensify/contracts';
import { AUDIENCE, inboxAudiences, Principal } from '@intensify/auth';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { ChangeFanOut, Listener } from '../live/change-fan-out';

/**
 * Fans inbox changes out to stream subscribers. Projections announce on Redis each audience
 * that got a notification and each user whose read marks changed; a viewer listens to its
 * audiences and its own user key, and re-reads its own inbox (reading is per user, so nothing
 * is read once for all).
 */
@Injectable()
export class InboxStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly fanOut: ChangeFanOut<string>;

  constructor(@Inject(GATEWAY_ENV) env: GatewayEnv) {
    this.fanOut = new ChangeFanOut({
      redisUrl: env.REDIS_URL,
      channel: inboxChangedChannel(env.REDIS_PREFIX),
      intervalMs: env.BOARD_PUSH_INTERVAL_MS,
      read: async (key) => key,
      logger: new Logger(InboxStreamService.name),
    });
  }

  onModuleInit(): Promise<void> {
    return this.fanOut.start();
  }

  onModuleDestroy(): void {
    this.fanOut.stop();
  }

  /** Calls `listener.push` whenever the principal's inbox may have changed. */
  subscribe(p: Principal, listener: Listener<string>): () => void {
    const keys = [...inboxAudiences(p), AUDIENCE.user(p.sub)];
    const stops = keys.map((key) => this.fanOut.subscribe(key, listener));
    return () => stops.forEach((stop) => stop());
  }
}
