import { Request, Response } from 'express';

const HEARTBEAT_MS = 15_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
}

/**
 * Opens a Server-Sent Events response: no caching or proxy buffering, a reconnect delay for
 * EventSource, and a comment every 15 s so proxies keep an idle stream open. `onClose` runs
 * when the viewer leaves.
 */
export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    onClose();
  });
  return {
    send: (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    end: () => res.end(),
  };
}
