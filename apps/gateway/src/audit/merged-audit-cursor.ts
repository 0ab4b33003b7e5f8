import { ProblemError } from '@intensify/problems';

export const AUDIT_SOURCES = ['reporting', 'tasking'] as const;
export type AuditSource = (typeof AUDIT_SOURCES)[number];

/**
 * Where a merged audit listing stands in each service's log: absent, from its newest entry; a
 * string, that service's own cursor; null, that log is used up.
 */
export type MergedAuditCursor = Partial<Record<AuditSource, string | null>>;

export function encodeMergedCursor(c: MergedAuditCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeMergedCursor(raw: string | undefined): MergedAuditCursor {
  if (!raw) return {};
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    const fine =
      c !== null &&
      typeof c === 'object' &&
      Object.entries(c).every(
        ([k, v]) =>
          AUDIT_SOURCES.includes(k as AuditSource) && (v === null || typeof v === 'string'),
      );
    if (fine) return c;
  } catch {
    // not ours: answered below
  }
  throw ProblemError.validation([
    { field: 'cursor', message: 'is not a cursor this API gave out' },
  ]);
}
