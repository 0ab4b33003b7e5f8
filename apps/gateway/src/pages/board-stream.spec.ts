// @ts-expect-error -- a browser ES module of the board page, without type declarations
import { streamLooksHung, WATCH_MS } from '../../public/board/board-stream.js';

describe('telling a hung board stream from a quiet one', () => {
  const base = { connectedAt: 0, watchMs: WATCH_MS, shownEvents: 10, serverEvents: null };

  it('is hung when nothing arrived within the watch time of connecting', () => {
    expect(streamLooksHung({ ...base, lastPushAt: null, now: WATCH_MS - 1 })).toBe(false);
    expect(streamLooksHung({ ...base, lastPushAt: null, now: WATCH_MS })).toBe(true);
  });

  it('is healthy while pushes keep coming, whatever the API says', () => {
    expect(
      streamLooksHung({ ...base, lastPushAt: 5_000, now: 5_000 + WATCH_MS - 1, serverEvents: 99 }),
    ).toBe(false);
  });

  it('is healthy when quiet and the API has nothing newer, hung when the API moved on', () => {
    const quiet = { ...base, lastPushAt: 5_000, now: 5_000 + WATCH_MS };
    expect(streamLooksHung({ ...quiet, serverEvents: 10 })).toBe(false);
    expect(streamLooksHung({ ...quiet, serverEvents: null })).toBe(false);
    expect(streamLooksHung({ ...quiet, serverEvents: 11 })).toBe(true);
  });
});
