// Acknowledging several taskings in one step: each is its own request with its own
// Idempotency-Key, all sent together, so one refusal never loses the others; the page then says
// what happened to each. Pure apart from the `send` it is given (unit-tested).

/** Only an issued tasking can be acknowledged; the state machine refuses the rest. */
export const acknowledgeable = (t) => t.status === 'issued';

/**
 * Sends `send(tasking, key)` for every tasking at once and answers, in the same order,
 * `{ tasking, ok, updated?, problem? }`. `newKey` makes each request's Idempotency-Key.
 */
export async function acknowledgeEach(taskings, send, newKey = () => crypto.randomUUID()) {
  const settled = await Promise.allSettled(taskings.map((t) => send(t, newKey())));
  return settled.map((s, i) =>
    s.status === 'fulfilled'
      ? { tasking: taskings[i], ok: true, updated: s.value }
      : { tasking: taskings[i], ok: false, problem: problemText(s.reason) },
  );
}

function problemText(err) {
  return err?.problem?.detail ?? err?.problem?.title ?? err?.message ?? String(err);
}

const taskingWord = (n) => (n === 1 ? 'tasking' : 'taskings');

/** One sentence for the status line: how many were acknowledged and which were not. */
export function bulkResultText(results, forceNames) {
  const done = results.filter((r) => r.ok).length;
  const failed = results.filter((r) => !r.ok);
  const head = `Acknowledged ${done} of ${results.length} ${taskingWord(results.length)}.`;
  if (!failed.length) return head;
  const names = failed.map((r) => forceNames.get(r.tasking.force) ?? r.tasking.force);
  return `${head} Not acknowledged: ${names.join(', ')} (the reason is shown on each row).`;
}
