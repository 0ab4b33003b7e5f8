/**
 * What may be logged of an unexpected error. A database error (TypeORM's QueryFailedError, pg's
 * DatabaseError) carries its query, parameters and the offending values (`detail`): those can
 * be phone numbers or holder references, so only its SQLSTATE code and message are logged.
 */
export function loggableError(e: unknown): string {
  if (!(e instanceof Error)) return `non-error thrown: ${typeof e}`;
  const sqlState = databaseErrorCode(e);
  if (sqlState) return `database error ${sqlState}: ${withoutValues(sqlState, e.message)}`;
  return e.stack ?? `${e.name}: ${e.message}`;
}

function databaseErrorCode(e: Error): string | undefined {
  const driver = (e as { driverError?: { code?: unknown } }).driverError;
  const code = driver?.code ?? (e as { code?: unknown }).code;
  const fromDatabase =
    e.name === 'QueryFailedError' ||
    driver !== undefined ||
    'parameters' in e ||
    e.constructor?.name === 'DatabaseError';
  // SQLSTATE: five characters, digits and upper-case letters.
  return fromDatabase && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Data exceptions (class 22) quote the value they refused, e.g. `invalid input syntax: "0770…"`. */
function withoutValues(sqlState: string, message: string): string {
  return sqlState.startsWith('22') ? message.replace(/"[^"]*"/g, '"[redacted]"') : message;
}
