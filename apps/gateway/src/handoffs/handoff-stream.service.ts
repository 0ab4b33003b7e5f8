import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import {
  Actor,
  Handoff,
  handoffsChangedChannel,
  NO_OPERATION,
  INTERNAL,
} from '@intensify/contracts';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { ChangeFanOut, Listener } from '../live/change-fan-out';
import { eachPage } from '../upstream/each-page';
import { UpstreamClient } from '../upstream/upstream.client';

/** The stream reads hand-offs once for all their viewers, then scopes each copy. */
const STREAM_READER: Actor = { sub: 'system:gateway-handoff-stream', role: 'nclcc' };
const PAGE_SIZE = 500;

/** The key of a stream of every hand-off, whatever its week (the inbox). */
export const ALL_HANDOFFS = '*';

/**
 * Fans hand-off changes out to stream subscribers. A change is announced on Redis with the
 * hand-off's operation id, by the safeguarding service (deadline effects included) and by the
 * gateway that forwarded a write; we read once per burst and each subscriber applies its scope.
 */
@Injectable()
export class HandoffStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly fanOut: ChangeFanOut<Handoff[]>;
  private readonly channel: string;
  private readonly logger = new Logger(HandoffStreamService.name);
  /** A subscribed connection cannot publish: announcements go out on their own. */
  private readonly publisher: Redis;

  constructor(
    @Inject(GATEWAY_ENV) env: GatewayEnv,
    private readonly upstream: UpstreamClient,
  ) {
    this.channel = handoffsChangedChannel(env.REDIS_PREFIX);
    this.fanOut = new ChangeFanOut({
      redisUrl: env.REDIS_URL,
      channel: this.channel,
      intervalMs: env.BOARD_PUSH_INTERVAL_MS,
      read: (key) => this.read(key),
      logger: this.logger,
      everyChange: ALL_HANDOFFS,
    });
    this.publisher = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.publisher.on('error', () => undefined);
  }

  onModuleInit(): Promise<void> {
    return this.fanOut.start();
  }

  onModuleDestroy(): void {
    this.fanOut.stop();
    this.publisher.disconnect();
  }

  subscribe(key: string, listener: Listener<Handoff[]>): () => void {
    return this.fanOut.subscribe(key, listener);
  }

  /**
   * Tells every gateway's streams that a hand-off changed, once the owner has answered (so the
   * change is readable). A lost notice only delays a screen until the next change.
   */
  announce(operationId: string | null): void {
    this.publisher
      .publish(this.channel, operationId ?? NO_OPERATION)
      .catch((e: Error) => this.logger.warn(`could not announce a hand-off change: ${e.message}`));
  }

  /** The hand-offs of a week, or every one for `ALL_HANDOFFS`, in the service's order. */
  async read(key: string): Promise<Handoff[]> {
    const items: Handoff[] = [];
    const filter = key === ALL_HANDOFFS ? {} : { operationId: key };
    const pages = eachPage((cursor) =>
      this.upstream
        .send(INTERNAL.safeguarding.handoffs.list, {
          query: { ...filter, limit: PAGE_SIZE, cursor },
          actor: STREAM_READER,
        })
        .then((answer) => answer.body),
    );
    for await (const page of pages) items.push(...page.items);
    return items;
  }
}
