// The operation's taskings, live.
import { watchList } from '/common/assets/live-list.js';

/**
 * Calls `onTaskings(items)` with the whole list in the user's scope on every push and
 * `onState(state)` with `connecting`, `live`, `reconnecting` or `paused` (until signed in
 * again). Returns a function that stops.
 */
export function watchTaskings(operationId, { onTaskings, onState }) {
  return watchList({
    url: (token) =>
      `/api/v1/taskings/stream?${new URLSearchParams({ operationId, access_token: token })}`,
    event: 'taskings',
    onItems: onTaskings,
    onState,
  });
}
