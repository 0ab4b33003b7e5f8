import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Board, boardChangedChannel } from '@intensify/contracts';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { BoardService } from './board.service';

export interface Listener {
  push(board: Board): void;
  /** Ends the stream, so that shutdown need not wait for viewers to leave. */
  end(): void;
}

interface Watch {
  listeners: Set<Listener>;
  timer?: NodeJS.Timeout;
  lastPush: number;
}

/**
 * Fans board changes out to stream subscribers. Projections announce a changed operation on
 * Redis; we read its board once per burst (at most one push per interval) and hand that one
 * board to every subscriber, each of whom applies its own scope.
 */
@Injectable()
export class BoardStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BoardStreamService.name);
  private readonly subscriber: Redis;
  private readonly watches = new Map<string, Watch>();

  constructor(
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    private readonly boards: BoardService,
  ) {
    this.subscriber = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    this.subscriber.on('error', (e) => this.logger.warn(`redis: ${e.message}`));
  }

  get redis(): Redis {
    return this.subscriber;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber.on('message', (_channel, operationId: string) => this.changed(operationId));
    await this.subscriber.subscribe(boardChangedChannel(this.env.REDIS_PREFIX));
  }

  onModuleDestroy(): void {
    for (const w of this.watches.values()) {
      clearTimeout(w.timer);
      for (const l of w.listeners) l.end();
    }
    this.watches.clear();
    this.subscriber.disconnect();
  }

  subscribe(operationId: string, listener: Listener): () => void {
    let w = this.watches.get(operationId);
    if (!w) this.watches.set(operationId, (w = { listeners: new Set(), lastPush: 0 }));
    w.listeners.add(listener);
    return () => {
      w!.listeners.delete(listener);
      if (w!.listeners.size === 0) {
        clearTimeout(w!.timer);
        this.watches.delete(operationId);
      }
    };
  }

  private changed(operationId: string): void {
    const w = this.watches.get(operationId);
    if (!w || w.timer) return;
    const wait = Math.max(0, w.lastPush + this.env.BOARD_PUSH_INTERVAL_MS - Date.now());
    w.timer = setTimeout(() => void this.push(operationId, w), wait);
  }

  private async push(operationId: string, w: Watch): Promise<void> {
    w.lastPush = Date.now();
    try {
      const board = await this.boards.read(operationId);
      for (const l of w.listeners) l.push(board);
    } catch (e) {
      this.logger.warn(`could not refresh board ${operationId}: ${(e as Error).message}`);
    } finally {
      w.timer = undefined;
    }
  }
}
