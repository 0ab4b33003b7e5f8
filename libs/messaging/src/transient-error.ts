/**
 * Whether an error is about reaching a server (worth retrying as is) rather than about the data
 * (retrying the same batch would fail the same way, so the message must be set aside).
 */
export function isTransientError(e: unknown): boolean {
  const err = e as { code?: string; name?: string; message?: string; retriable?: boolean };
  const code = err?.code ?? '';
  // PostgreSQL: connection exceptions, operator intervention (shutdown), insufficient resources,
  // serialization failures and deadlocks.
  if (/^(08|57|53)/.test(code) || code === '40001' || code === '40P01') return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
    return true;
  if (err?.retriable === true || /^Kafka/.test(err?.name ?? '')) return true;
  return /Connection terminated|connection timeout|timeout exceeded|Client has encountered a connection error/i.test(
    err?.message ?? '',
  );
}
