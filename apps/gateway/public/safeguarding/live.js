// The caller's hand-offs, live (person-level: the session's purpose travels as `?purpose=`).
import { withPurpose } from '/common/assets/api.js';
import { watchList } from '/common/assets/live-list.js';

/**
 * Calls `onItems(items)` with the whole scoped list on every push and `onState(state)` with
 * `connecting`, `live`, `reconnecting` or `paused`. `operationId` (optional) narrows to a week.
 * Returns a function that stops.
 */
export function watchHandoffs(operationId, { onItems, onState }) {
  return watchList({
    url: (token) => {
      const query = new URLSearchParams({ access_token: token });
      if (operationId) query.set('operationId', operationId);
      return withPurpose(`/api/v1/handoffs/stream?${query}`);
    },
    event: 'handoffs',
    onItems,
    onState,
  });
}
