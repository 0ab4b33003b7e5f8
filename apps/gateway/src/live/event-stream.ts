import { Request, Response } from 'express';
import { TOKEN_EXPIRES_AT } from '../auth/current-principal.decorator';

const HEARTBEAT_MS = 15_000;
/** Longest delay a Node timer takes; a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Where the limits guard leaves how long a viewer may read nothing before it is dropped. */
export const STREAM_STUCK_MS = 'streamStuckMs';
const DEFAULT_STUCK_MS = 30_000;

/** Sent just before a stream closes because its token expired: sign in again, then reconnect. */
export const TOKEN_EXPIRED_EVENT = 'token-expired';

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Sends a frame made once by `sseFrame` and shared by every viewer of the same scope. */
  sendFrame(event: string, frame: Buffer): void;
  end(): void;
}

/** One Server-Sent Events frame, encoded once so that many sockets can take the same bytes. */
export function sseFrame(event: string, data: unknown): Buffer {
  return Buffer.from(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * Opens a Server-Sent Events response: no caching or proxy buffering, a reconnect delay for
 * EventSource, and a comment every 15 s so proxies keep an idle stream open. The stream ends
 * when the token that opened it expires, so access cannot outlive it. `onClose` runs when the
 * viewer leaves or the stream ends.
 */
export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  // A person-level stream was marked `no-store` (by the access-log interceptor): it stays so.
  const personLevel = res.getHeader('cache-control') === 'no-store';
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': personLevel ? 'no-store' : 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const write = backpressured(res, stuckLimit(req));
  write('retry', 'retry: 2000\n\n');
  const send = (event: string, data: unknown) =>
    write(event, `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const heartbeat = setInterval(() => write('heartbeat', ': keep-alive\n\n'), HEARTBEAT_MS);
  const expiresAt = (req as unknown as Record<string, unknown>)[TOKEN_EXPIRES_AT];
  const expiry =
    typeof expiresAt === 'number'
      ? atTime(expiresAt, () => {
          send(TOKEN_EXPIRED_EVENT, { expiredAt: new Date(expiresAt).toISOString() });
          res.end();
        })
      : undefined;
  // The response closes when the viewer leaves and when the stream ends here.
  res.on('close', () => {
    clearInterval(heartbeat);
    expiry?.cancel();
    onClose();
  });
  return { send, sendFrame: write, end: () => res.end() };
}

function stuckLimit(req: Request): number {
  const ms = (req as unknown as Record<string, unknown>)[STREAM_STUCK_MS];
  return typeof ms === 'number' ? ms : DEFAULT_STUCK_MS;
}

/**
 * Writes frames without buffering without bound for a viewer that reads slowly: while the
 * socket is full, only the latest frame of each event is kept (each carries the full state, so
 * the latest supersedes the rest) and goes out on 'drain'. A viewer still full after `stuckMs`
 * is disconnected.
 */
export function backpressured(
  res: Response,
  stuckMs: number,
): (event: string, frame: string | Buffer) => void {
  const waiting = new Map<string, string | Buffer>();
  let stuck: NodeJS.Timeout | undefined;
  const drained = () => {
    clearTimeout(stuck);
    stuck = undefined;
    const frames = [...waiting];
    waiting.clear();
    for (const [event, frame] of frames) write(event, frame);
  };
  const write = (event: string, frame: string | Buffer): void => {
    if (stuck) {
      waiting.set(event, frame);
      return;
    }
    if (res.write(frame) || res.destroyed) return;
    stuck = setTimeout(() => res.destroy(), stuckMs);
    res.once('drain', drained);
  };
  res.once('close', () => clearTimeout(stuck));
  return write;
}

/** Runs `fn` at `time` (ms since the epoch), however far away. */
function atTime(time: number, fn: () => void): { cancel(): void } {
  let timer: NodeJS.Timeout;
  const wait = () => {
    const left = time - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(wait, MAX_TIMER_MS) : setTimeout(fn, left);
  };
  wait();
  return { cancel: () => clearTimeout(timer) };
}
