import { Request, Response } from 'express';
import { TOKEN_EXPIRES_AT } from '../auth/current-principal.decorator';

const HEARTBEAT_MS = 15_000;
/** Longest delay a Node timer takes; a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Sent just before a stream closes because its token expired: sign in again, then reconnect. */
export const TOKEN_EXPIRED_EVENT = 'token-expired';

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
}

/**
 * Opens a Server-Sent Events response: no caching or proxy buffering, a reconnect delay for
 * EventSource, and a comment every 15 s so proxies keep an idle stream open. The stream ends
 * when the token that opened it expires, so access cannot outlive it. `onClose` runs when the
 * viewer leaves or the stream ends.
 */
export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const send = (event: string, data: unknown) =>
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
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
  return { send, end: () => res.end() };
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
