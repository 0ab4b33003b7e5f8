import { Response } from 'express';

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula is prefixed
 * with an apostrophe: notes are free text typed by users.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Starts a CSV download; the name says what and which week it holds. */
export function startCsv(res: Response, filename: string): void {
  res.status(200).set({
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}
