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
    const res = await fetch(url, { signal: ctrl.signal });
    if (res.status !== 200) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
    if (!/^text\/event-stream/.test(res.headers.get('content-type') ?? ''))
      throw new Error(`stream is ${res.headers.get('content-type')}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as any) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = frame.split('\n');
        if (lines.includes(`event: ${event}`)) {
          events.push(JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)));
          if (events.length === 1) await onFirst();
          if (enough(events)) return events;
        }
      }
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
  return events;
}
