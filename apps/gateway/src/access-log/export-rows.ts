import { Request } from 'express';

const EXPORT_ROWS = Symbol('exportRows');

type RowCounter = (rows: number) => Promise<void>;

/** Set by the interceptor on an export it has logged: where the row count goes. */
export function attachRowCounter(req: Request, count: RowCounter): void {
  (req as unknown as Record<symbol, RowCounter>)[EXPORT_ROWS] = count;
}

/**
 * Adds an export's row count to its access-log entry; the export awaits it before completing
 * its response, so a file is never complete without its count on record.
 */
export function recordExportRows(req: Request, rows: number): Promise<void> {
  const count = (req as unknown as Record<symbol, RowCounter | undefined>)[EXPORT_ROWS];
  if (!count) throw new Error(`${req.method} ${req.path} is not a logged export: @PersonLevel it`);
  return count(rows);
}
