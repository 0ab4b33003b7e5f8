// A list the server pushes whole on every change, live: an EventSource that reports its state
// and comes back by itself. Browsers open EventSource without headers, so the token travels as
// `?access_token=` (and a purpose, where the list is person-level, as `?purpose=`).
// EventSource retries a dropped connection on its own; a refused one (closed stream) is retried
// here with a growing pause after checking the sign-in still holds. A stream the server ended
// because its token expired reopens only once signed in afresh.
import { api, renewSignIn, session } from '/common/assets/api.js';

const MAX_PAUSE_MS = 30_000;

/**
 * Opens `url(token)` and calls `onItems(items)` with the list of every `event` pushed (or
 * what `pick` takes of its data), and `onState(state)` with `connecting`, `live`,
 * `reconnecting` or `paused` (until signed in again). Returns a function that stops.
 */
export function watchList({ url, event, onItems, onState, pick = (data) => data.items }) {
  let source = null;
  let retry = null;
  let pause = 1000;
  let stopped = false;

  function open() {
    source = new EventSource(url(session.token() ?? ''));
    onState('connecting');
    source.addEventListener('open', () => {
      pause = 1000;
      onState('live');
    });
    source.addEventListener(event, (e) => onItems(pick(JSON.parse(e.data))));
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
