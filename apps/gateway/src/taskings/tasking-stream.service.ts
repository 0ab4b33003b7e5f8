import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Actor, INTERNAL, Tasking, taskingsChangedChannel } from '@intensify/contracts';
import { Principal, readableForces } from '@intensify/auth';
import { GATEWAY_ENV, GatewayEnv } from '../config';
import { ChangeFanOut, Listener } from '../live/change-fan-out';
import { eachPage } from '../upstream/each-page';
import { UpstreamClient } from '../upstream/upstream.client';

/** The stream reads an operation's taskings once for all its viewers, then scopes each copy. */
const STREAM_READER: Actor = { sub: 'system:gateway-tasking-stream', role: 'nclcc' };
const PAGE_SIZE = 500;

/** Every tasking of one operation, as read once for all of its viewers. */
export interface OperationTaskings {
  operationId: string;
  all: Tasking[];
}

/**
 * Fans tasking changes out to stream subscribers. The tasking service announces an operation
 * whose taskings changed (issues, transitions and deadline effects alike) on Redis; we read its
 * taskings once per burst and hand them to every subscriber, each of whom applies its own scope
 * (one frame per read scope, see ScopedFrames).
 */
@Injectable()
export class TaskingStreamService implements OnModuleInit, OnModuleDestroy {
  private readonly fanOut: ChangeFanOut<OperationTaskings>;

  constructor(
    @Inject(GATEWAY_ENV) env: GatewayEnv,
    private readonly upstream: UpstreamClient,
  ) {
    this.fanOut = new ChangeFanOut({
      redisUrl: env.REDIS_URL,
      channel: taskingsChangedChannel(env.REDIS_PREFIX),
      intervalMs: env.BOARD_PUSH_INTERVAL_MS,
      read: async (operationId) => ({ operationId, all: await this.readAll(operationId) }),
      logger: new Logger(TaskingStreamService.name),
    });
  }

  onModuleInit(): Promise<void> {
    return this.fanOut.start();
  }

  onModuleDestroy(): void {
    this.fanOut.stop();
  }

  subscribe(operationId: string, listener: Listener<OperationTaskings>): () => void {
    return this.fanOut.subscribe(operationId, listener);
  }

  /** The taskings now, for a first frame (reads in flight are shared, see ChangeFanOut.read). */
  read(operationId: string): Promise<OperationTaskings> {
    return this.fanOut.read(operationId);
  }

  /** Every tasking of the operation, newest first. */
  private async readAll(operationId: string): Promise<Tasking[]> {
    const items: Tasking[] = [];
    const query = { operationId, limit: String(PAGE_SIZE) };
    const pages = eachPage((cursor) =>
      this.upstream
        .send(INTERNAL.tasking.taskings.list, { query: { ...query, cursor }, actor: STREAM_READER })
        .then((answer) => answer.body),
    );
    for await (const page of pages) items.push(...page.items);
    return items;
  }
}

/** What a viewer may see: everything for the NCLCC and national commanders, else its forces. */
export function scopeTaskings(taskings: Tasking[], p: Principal): Tasking[] {
  const forces = readableForces(p);
  return forces ? taskings.filter((t) => forces.includes(t.force)) : taskings;
}
