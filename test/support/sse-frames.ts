export interface SseFrame {
  event: string;
  data: any;
}

/**
 * Reads a server-sent event stream until the server ends it or `timeoutMs` passes; answers every
 * named event and whether the server ended the stream by itself.
 */
export async function readUntilEnd(
  url: string,
  timeoutMs: number,
): Promise<{ frames: SseFrame[]; endedByServer: boolean }> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const frames: SseFrame[] = [];
  try {
    const res = await fetch(url, { signal: ctrl.signal });
    if (res.status !== 200) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as any) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event) frames.push({ event, data: data && JSON.parse(data) });
      }
    }
    return { frames, endedByServer: true };
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
    return { frames, endedByServer: false };
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
}
