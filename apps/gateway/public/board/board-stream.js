// The board's live feed. EventSource retries by itself only while the server answers 200; a
// refused or broken stream (gateway restarting, network gone) is reopened here, with growing
// waits, and the page is told at once so it can warn that its figures may be out of date.

const RETRY_MS = [1000, 2000, 4000, 8000, 15000];

/**
 * Opens `/board/stream` for the operation and calls `onBoard(board)` on every push,
 * `onState('live' | 'stale', since)` when the connection comes and goes.
 */
export function openBoardStream({ operationId, token, onBoard, onState }) {
  let source;
  let attempt = 0;
  let timer;
  let staleSince = null;
  let closed = false;

  function connect() {
    const url = `/api/v1/operations/${encodeURIComponent(operationId)}/board/stream?access_token=${encodeURIComponent(token())}`;
    source = new EventSource(url);
    source.addEventListener('board', (e) => {
      attempt = 0;
      staleSince = null;
      onState('live', null);
      onBoard(JSON.parse(e.data));
    });
    source.addEventListener('error', () => {
      source.close();
      if (closed) return;
      staleSince ??= new Date();
      onState('stale', staleSince);
      const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
      attempt += 1;
      clearTimeout(timer);
      timer = setTimeout(connect, wait);
    });
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
