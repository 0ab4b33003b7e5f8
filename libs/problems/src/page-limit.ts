import { ProblemError } from './problem.error';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

/** `limit` query parameter: 1–500, default 50. */
export function pageLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw ProblemError.validation([
      { field: 'limit', message: `must be a whole number from 1 to ${MAX_PAGE}` },
    ]);
  }
  return n;
}
