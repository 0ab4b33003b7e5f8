import { runEnv } from '../support/run-env';
import { tokenFor } from '../support/api';
import { createActiveWeek, hoursAgo, MET, report } from '../support/scenario';

/** Reads server-sent `board` events from the stream until `enough` says stop. */
async function readBoards(
  url: string,
  enough: (boards: any[]) => boolean,
  onFirst: () => Promise<void> = async () => undefined,
  timeoutMs = 15_000,
): Promise<any[]> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const boards: any[] = [];
  try {
    const res = await fetch(url, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as any) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = frame.split('\n');
        if (lines.includes('event: board')) {
          boards.push(JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)));
          if (boards.length === 1) await onFirst();
          if (enough(boards)) return boards;
        }
      }
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
  return boards;
}

describe('board stream (SSE)', () => {
  it('sends the board on connect and again after a change', async () => {
    const op = await createActiveWeek('Stream week');
    const token = await tokenFor({ role: 'commander' });
    const url = `${runEnv().gatewayUrl}/api/v1/operations/${op.id}/board/stream?access_token=${token}`;
    let posted = 0;
    // The change is made once the first frame has arrived, so it must come as a second push.
    const boards = await readBoards(
      url,
      (bs) => bs.some((b) => b.national.arrests === 6),
      async () => {
        posted = (
          await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 6 })
        ).status;
      },
    );
    expect(posted).toBe(202);
    expect(boards.length).toBeGreaterThanOrEqual(2);
    expect(boards[0]).toMatchObject({ operationId: op.id, eventsApplied: 0 });
    expect(boards[boards.length - 1].national.arrests).toBe(6);
    expect(boards[boards.length - 1].forces[MET].arrests).toBe(6);
  });

  it('refuses a stream without a token', async () => {
    const op = await createActiveWeek('Closed stream week');
    const res = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${op.id}/board/stream`);
    expect(res.status).toBe(401);
  });
});
