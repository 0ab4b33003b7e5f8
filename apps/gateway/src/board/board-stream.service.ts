import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { Board, boardChangedChannel } from '@intensify/contracts';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { ChangeFanOut, Listener } from '../live/change-fan-out';
import { BoardService } from './board.service';

/**
 * Fans board changes out to stream subscribers. Projections announce a changed operation on
 * Redis; we read its board once per burst (at most one push per interval) and hand that one
 * board to every subscriber, each of whom applies its own scope (one frame per read scope, see
 * ScopedFrames).
 */
@Injectable()
export class BoardStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly fanOut: ChangeFanOut<Board>;

  constructor(@Inject(GATEWAY_ENV) env: GatewayEnv, boards: BoardService) {
    this.fanOut = new ChangeFanOut({
      redisUrl: env.REDIS_URL,
      channel: boardChangedChannel(env.REDIS_PREFIX),
      intervalMs: env.BOARD_PUSH_INTERVAL_MS,
      read: (operationId) => boards.read(operationId),
      logger: new Logger(BoardStreamService.name),
    });
  }

  get redis(): Redis {
    return this.fanOut.redis;
  }

  onModuleInit(): Promise<void> {
    return this.fanOut.start();
  }

  onModuleDestroy(): void {
    this.fanOut.stop();
  }

  /** The board now, for a first frame (reads in flight are shared, see ChangeFanOut.read). */
  read(operationId: string): Promise<Board> {
    return this.fanOut.read(operationId);
  }

  subscribe(operationId: string, listener: Listener<Board>): () => void {
    return this.fanOut.subscribe(operationId, listener);
  }
}
