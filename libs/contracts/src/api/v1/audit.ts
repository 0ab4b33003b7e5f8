import { FieldError } from '../../validation';

/**
 * Audit entries come from more than one service's log, so an entry's id carries its log's
 * prefix (`tasking-17`; reporting's have none, as before). A service's cursor names the last
 * entry it gave out by its number in that log.
 */
export function auditCursorAfter(entryId: string): string {
  return Buffer.from(`a:${entryId.replace(/^[a-z]+-/, '')}`).toString('base64url');
}

/** The log position a service's cursor names, or the field error to answer with. */
export function decodeAuditCursor(cursor: string): string | FieldError {
  const m = Buffer.from(cursor, 'base64url')
    .toString('utf8')
    .match(/^a:(\d{1,19})$/);
  return m ? m[1] : { field: 'cursor', message: 'is not a cursor this API gave out' };
}
