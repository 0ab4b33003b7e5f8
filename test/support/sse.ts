export interface SseFrame {
  event: string;
  data: any;
}

/** The named events of a server-sent event body, as they arrive. */
async function* sseFrames(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseFrame> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
      if (event) yield { event, data: data && JSON.parse(data) };
    }
  }
}

async function openStream(url: string, signal: AbortSignal): Promise<AsyncIterable<Uint8Array>> {
  const res = await fetch(url, { signal });
  if (res.status !== 200) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
  if (!/^text\/event-stream/.test(res.headers.get('content-type') ?? ''))
    throw new Error(`stream is ${res.headers.get('content-type')}`);
  return res.body as any;
}

/**
 * Reads server-sent events named `event` from a stream until `enough` says stop or the time is
 * up; `onFirst` runs once the first one has arrived (to make a change that must come as a push).
 */
export async function readEvents<T = any>(
  url: string,
  event: string,
  enough: (events: T[]) => boolean,
  onFirst: () => Promise<void> = async () => undefined,
  timeoutMs = 15_000,
): Promise<T[]> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const events: T[] = [];
  try {
    for await (const frame of sseFrames(await openStream(url, ctrl.signal))) {
      if (frame.event !== event) continue;
      events.push(frame.data);
      if (events.length === 1) await onFirst();
      if (enough(events)) return events;
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
  return events;
}

/**
 * Reads a stream until the server ends it or `timeoutMs` passes; answers every named event and
 * whether the server ended the stream by itself.
 */
export async function readUntilEnd(
  url: string,
  timeoutMs: number,
): Promise<{ frames: SseFrame[]; endedByServer: boolean }> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const frames: SseFrame[] = [];
  try {
    for await (const frame of sseFrames(await openStream(url, ctrl.signal))) frames.push(frame);
    return { frames, endedByServer: true };
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
    return { frames, endedByServer: false };
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
}
