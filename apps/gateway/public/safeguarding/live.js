// The caller's hand-offs, live: an EventSource on the hand-offs stream, which browsers open
// without headers, so the token and the session's purpose travel as `?access_token=` and
// `?purpose=`. EventSource retries a dropped connection on its own; a refused one is retried
// here with a growing pause after checking the sign-in still holds. A stream the server ended
// because its token expired reopens only once signed in afresh.
import { api, renewSignIn, session, withPurpose } from '/common/assets/api.js';

const MAX_PAUSE_MS = 30_000;

/**
 * Calls `onItems(items)` with the whole scoped list on every push and `onState(state)` with
 * `connecting`, `live`, `reconnecting` or `paused`. `operationId` (optional) narrows to a week.
 * Returns a function that stops.
 */
export function watchHandoffs(operationId, { onItems, onState }) {
  let source = null;
  let retry = null;
  let pause = 1000;
  let stopped = false;

  function open() {
    const query = new URLSearchParams({ access_token: session.token() ?? '' });
    if (operationId) query.set('operationId', operationId);
    source = new EventSource(withPurpose(`/api/v1/handoffs/stream?${query}`));
    onState('connecting');
    source.addEventListener('open', () => {
      pause = 1000;
      onState('live');
    });
    source.addEventListener('handoffs', (e) => onItems(JSON.parse(e.data).items));
    source.addEventListener('token-expired', async () => {
      // Closed at once, so that EventSource never retries with the expired token.
      source.close();
      onState('paused');
      if ((await renewSignIn()) && !stopped) open();
    });
    source.addEventListener('error', () => {
      if (stopped) return;
      onState('reconnecting');
      if (source.readyState === EventSource.CLOSED) retryLater();
    });
  }

  function retryLater() {
    source.close();
    retry = setTimeout(async () => {
      // A refused token signs the page out (api.js); anything else is worth another try.
      await api.get('/api/v1/me').catch(() => undefined);
      if (stopped || !session.token()) return;
      open();
    }, pause);
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
  }

  open();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
