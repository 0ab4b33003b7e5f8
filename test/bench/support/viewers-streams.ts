import { get, IncomingMessage } from 'node:http';

const BLANK_LINE = Buffer.from('\n\n');
const EVENT_BOARD = Buffer.from('event: board\n');
const EVENT_TASKINGS = Buffer.from('event: taskings\n');
const DATA = Buffer.from('data: ');

/** The digits after `key` (a JSON key with its colon) from `from` on, or -1. */
function intAfter(data: Buffer, key: string, from = 0): number {
  const at = data.indexOf(key, from);
  if (at < 0) return -1;
  let n = 0;
  for (let i = at + key.length; i < data.length; i++) {
    const c = data[i];
    if (c < 48 || c > 57) break;
    n = n * 10 + c - 48;
  }
  return n;
}

/**
 * One Server-Sent Events stream held open by node:http from this process, as a browser's
 * EventSource would. Frames are split on the blank line as bytes; a board frame is never parsed
 * whole while the stream runs (1,000 streams of ~30 KB boards several times a second would
 * make this process the limit), only its `eventsApplied` and national `weapons.other` are read
 * from the bytes. The last frame's data is kept for the final comparison.
 */
export class ViewerStream {
  status = 0;
  /** performance.now() of the first frame, of the end (if it ended), and why. */
  firstFrameAt?: number;
  endedAt?: number;
  failure?: string;
  frames = 0;
  bytes = 0;
  last?: Buffer;
  eventsApplied = -1;
  /** Board streams: each rise of national `weapons.other` (the probes) and when it was seen. */
  readonly marks: { value: number; at: number }[] = [];
  /** Taskings streams: when each awaited tasking id was first in a frame. */
  readonly idsSeen = new Map<string, number>();
  private readonly awaited = new Set<string>();
  private closing = false;
  private res?: IncomingMessage;
  private pending: Buffer[] = [];

  constructor(
    readonly kind: 'board' | 'taskings',
    readonly user: number,
    url: string,
  ) {
    const req = get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      this.res = res;
      this.status = res.statusCode ?? 0;
      if (this.status !== 200) this.failure = `answered ${this.status}`;
      res.on('data', (chunk: Buffer) => this.take(chunk));
      res.on('end', () => this.ended('ended by the gateway'));
      res.on('close', () => this.ended('closed'));
      res.on('error', (e) => this.ended(e.message));
    });
    req.on('error', (e) => this.ended(e.message));
  }

  get open(): boolean {
    return this.endedAt === undefined && this.status === 200;
  }

  /** When a board carrying at least `n` probes first arrived, if it has. */
  firstAt(n: number): number | undefined {
    return this.marks.find((m) => m.value >= n)?.at;
  }

  /** Watches for a tasking id from now on (and in the last frame, in case it came first). */
  await(id: string): void {
    this.awaited.add(id);
    if (this.last?.includes(id)) this.seen(id, performance.now());
  }

  lastData(): unknown {
    return this.last ? JSON.parse(this.last.toString()) : undefined;
  }

  close(): void {
    this.closing = true;
    this.res?.destroy();
  }

  private ended(why: string): void {
    if (this.endedAt !== undefined) return;
    this.endedAt = performance.now();
    if (!this.closing) this.failure ??= why;
  }

  private take(chunk: Buffer): void {
    const now = performance.now();
    this.bytes += chunk.length;
    const from = this.pending.reduce((n, b) => n + b.length, 0);
    const buf = from ? Buffer.concat([...this.pending, chunk]) : chunk;
    let start = 0;
    let end = buf.indexOf(BLANK_LINE, Math.max(0, from - 1));
    while (end >= 0) {
      this.frame(buf.subarray(start, end), now);
      start = end + 2;
      end = buf.indexOf(BLANK_LINE, start);
    }
    this.pending = start < buf.length ? [buf.subarray(start)] : [];
  }

  private frame(frame: Buffer, at: number): void {
    const board = frame.subarray(0, EVENT_BOARD.length).equals(EVENT_BOARD);
    const taskings = frame.subarray(0, EVENT_TASKINGS.length).equals(EVENT_TASKINGS);
    if (!board && !taskings) return;
    this.frames++;
    this.firstFrameAt ??= at;
    const data = frame.subarray(frame.indexOf(DATA) + DATA.length);
    this.last = data;
    if (board) {
      this.eventsApplied = intAfter(data, '"eventsApplied":');
      const national = data.indexOf('"national":');
      const other = intAfter(data, '"other":', data.indexOf('"weapons":', national));
      const top = this.marks[this.marks.length - 1]?.value ?? 0;
      if (other > top) this.marks.push({ value: other, at });
    } else {
      for (const id of this.awaited) if (data.includes(id)) this.seen(id, at);
    }
  }

  private seen(id: string, at: number): void {
    this.awaited.delete(id);
    this.idsSeen.set(id, at);
  }
}

/**
 * Opens streams `batch` at a time (each batch once every stream in it has its first frame). A
 * stream refused with 429 or 5xx is opened again after 2 s, as EventSource does on the
 * `retry: 2000` the gateway sends; the refusals are counted.
 */
export async function openAll(
  urls: { kind: 'board' | 'taskings'; user: number; url: string }[],
  batch: number,
  timeoutMs: number,
): Promise<{ streams: ViewerStream[]; refusals: Record<string, number> }> {
  const streams: ViewerStream[] = [];
  const refusals: Record<string, number> = {};
  for (let i = 0; i < urls.length; i += batch) {
    const wanted = urls.slice(i, i + batch);
    let opened = wanted.map((u) => new ViewerStream(u.kind, u.user, u.url));
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      while (opened.some((s) => s.firstFrameAt === undefined && s.failure === undefined)) {
        if (performance.now() > deadline)
          throw new Error(`streams ${i}–${i + batch} not open within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
      const refused = opened.filter((s) => s.status === 429 || s.status >= 500);
      const failed = opened.find((s) => s.failure && !refused.includes(s));
      if (failed) throw new Error(`a ${failed.kind} stream failed to open: ${failed.failure}`);
      if (refused.length === 0) break;
      for (const s of refused) refusals[s.status] = (refusals[s.status] ?? 0) + 1;
      await new Promise((r) => setTimeout(r, 2_000));
      opened = opened.map((s) =>
        refused.includes(s) ? new ViewerStream(s.kind, s.user, wanted[opened.indexOf(s)].url) : s,
      );
    }
    streams.push(...opened);
  }
  return { streams, refusals };
}
