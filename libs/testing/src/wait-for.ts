/**
 * Waits for a condition instead of sleeping a fixed time: polls `probe` until it returns a
 * value that `done` accepts, or fails after the deadline with the last value seen.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const seen = lastError
    ? `last error: ${(lastError as Error).message}`
    : `last value: ${JSON.stringify(last)?.slice(0, 2000)}`;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${seen}`);
}
