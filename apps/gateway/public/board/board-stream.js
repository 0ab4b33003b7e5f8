// The board's live feed. EventSource retries by itself only while the server answers 200; a
// refused or broken stream (gateway restarting, network gone) is reopened here, with growing
// waits, and the page is told at once so it can warn that its figures may be out of date. A
// stream the server ended because its token expired is reopened only with a fresh token.

const RETRY_MS = [1000, 2000, 4000, 8000, 15000];
/** How long a stream may stay quiet before the page asks the API whether it missed changes. */
export const WATCH_MS = 20000;

/**
 * Whether an open stream has silently stopped: nothing arrived within `watchMs` of connecting
 * (a stream sends the board at once), or it has been quiet that long while the API's board has
 * moved past the one shown. A quiet stream on a quiet week is healthy; the server's keep-alive
 * comments never reach the page, so this is the only way to tell.
 */
export function streamLooksHung({
  now,
  connectedAt,
  lastPushAt,
  shownEvents,
  serverEvents,
  watchMs,
}) {
  if (lastPushAt === null) return now - connectedAt >= watchMs;
  if (now - lastPushAt < watchMs) return false;
  return serverEvents !== null && serverEvents > shownEvents;
}

/**
 * Opens `/board/stream` for the operation and calls `onBoard(board)` on every push,
 * `onState('live' | 'stale' | 'paused', since)` when the connection comes and goes or waits for
 * a new sign-in; `serverEvents()`
 * answers the API board's `eventsApplied`, for telling a hung stream from a quiet one;
 * `renewToken()` resolves true once a fresh token is kept after the stream's has expired.
 */
export function openBoardStream({
  operationId,
  token,
  onBoard,
  onState,
  serverEvents,
  renewToken,
}) {
  let source;
  let attempt = 0;
  let timer;
  let staleSince = null;
  let closed = false;
  let connectedAt = 0;
  let lastPushAt = null;
  let shownEvents = -1;
  let renewing = false;

  function reconnectLater() {
    source.close();
    if (closed) return;
    staleSince ??= new Date(lastPushAt ?? Date.now());
    onState('stale', staleSince);
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)];
    attempt += 1;
    clearTimeout(timer);
    timer = setTimeout(connect, wait);
  }

  function connect() {
    const url = `/api/v1/operations/${encodeURIComponent(operationId)}/board/stream?access_token=${encodeURIComponent(token())}`;
    source = new EventSource(url);
    connectedAt = Date.now();
    lastPushAt = null;
    source.addEventListener('board', (e) => {
      attempt = 0;
      staleSince = null;
      lastPushAt = Date.now();
      const board = JSON.parse(e.data);
      shownEvents = board.eventsApplied;
      onState('live', null);
      onBoard(board);
    });
    source.addEventListener('error', reconnectLater);
    source.addEventListener('token-expired', async () => {
      // Closed at once, so that EventSource never retries with the expired token.
      source.close();
      clearTimeout(timer);
      renewing = true;
      onState('paused', null);
      const renewed = await renewToken();
      renewing = false;
      if (renewed && !closed) connect();
    });
  }

  const watchdog = setInterval(async () => {
    if (closed || staleSince || renewing) return;
    // The API is asked only once the stream has been quiet for a while after pushing.
    const quiet = lastPushAt !== null && Date.now() - lastPushAt >= WATCH_MS;
    const server = quiet ? await serverEvents().catch(() => null) : null;
    const state = { connectedAt, lastPushAt, shownEvents, watchMs: WATCH_MS };
    if (streamLooksHung({ ...state, now: Date.now(), serverEvents: server })) reconnectLater();
  }, WATCH_MS / 4);

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      source?.close();
    },
  };
}
