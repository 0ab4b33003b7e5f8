import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

export interface Listener<T> {
  push(value: T): void;
  /** Ends the stream, so that shutdown need not wait for viewers to leave. */
  end(): void;
}

export interface ChangeFanOutOptions<T> {
  redisUrl: string;
  /** Redis pub/sub channel whose messages are the ids (operation ids) that changed. */
  channel: string;
  /** Least gap between two reads (and pushes) of one id. */
  intervalMs: number;
  read(id: string): Promise<T>;
  logger: Logger;
  /** An id whose subscribers hear every change, whichever id it names (a stream of all). */
  everyChange?: string;
}

interface Watch<T> {
  listeners: Set<Listener<T>>;
  timer?: NodeJS.Timeout;
  lastPush: number;
}

/**
 * Fans changes announced on a Redis channel out to stream subscribers: per announced id with
 * subscribers, one read per burst (at most one per interval), handed to every subscriber, each
 * of whom applies its own scope.
 */
export class ChangeFanOut<T> {
  readonly redis: Redis;
  private readonly watches = new Map<string, Watch<T>>();
  private readonly reads = new Map<string, Promise<T>>();

  constructor(private readonly o: ChangeFanOutOptions<T>) {
    this.redis = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
    this.redis.on('error', (e) => o.logger.warn(`redis: ${e.message}`));
  }

  async start(): Promise<void> {
    this.redis.on('message', (_channel, id: string) => this.changed(id));
    await this.redis.subscribe(this.o.channel);
  }

  stop(): void {
    for (const w of this.watches.values()) {
      clearTimeout(w.timer);
      for (const l of w.listeners) l.end();
    }
    this.watches.clear();
    this.redis.disconnect();
  }

  /**
   * The value of `id` now, for a viewer's first frame: a read already in flight for `id` is
   * joined rather than repeated, so a thousand viewers connecting at once cost a few reads, not a
   * thousand. A change after that read is pushed to the viewer as to everyone else.
   */
  read(id: string): Promise<T> {
    let read = this.reads.get(id);
    if (!read) {
      read = this.o.read(id).finally(() => this.reads.delete(id));
      this.reads.set(id, read);
    }
    return read;
  }

  subscribe(id: string, listener: Listener<T>): () => void {
    let w = this.watches.get(id);
    if (!w) this.watches.set(id, (w = { listeners: new Set(), lastPush: 0 }));
    w.listeners.add(listener);
    return () => {
      w!.listeners.delete(listener);
      if (w!.listeners.size === 0) {
        clearTimeout(w!.timer);
        this.watches.delete(id);
      }
    };
  }

  private changed(id: string): void {
    this.schedule(id);
    if (this.o.everyChange !== undefined && id !== this.o.everyChange)
      this.schedule(this.o.everyChange);
  }

  private schedule(id: string): void {
    const w = this.watches.get(id);
    if (!w || w.timer) return;
    const wait = Math.max(0, w.lastPush + this.o.intervalMs - Date.now());
    w.timer = setTimeout(() => void this.push(id, w), wait);
  }

  private async push(id: string, w: Watch<T>): Promise<void> {
    w.lastPush = Date.now();
    try {
      const value = await this.o.read(id);
      for (const l of w.listeners) l.push(value);
    } catch (e) {
      this.o.logger.warn(`could not re-read ${id} after a change: ${(e as Error).message}`);
    } finally {
      w.timer = undefined;
    }
  }
}
