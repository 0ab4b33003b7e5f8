import { FieldError } from '../../validation';

/**
 * What is wrong with a CSV header, one error a column: a name not in `known`, a name twice, or
 * a `required` column missing. Every CSV import names its columns the same way.
 */
export function csvHeaderErrorsOf(
  header: string[],
  known: readonly string[],
  required: readonly string[],
): FieldError[] {
  const errors: FieldError[] = [];
  const knownColumns = new Set(known);
  const seen = new Set<string>();
  for (const h of header) {
    if (!knownColumns.has(h))
      errors.push({ field: h || '(empty column name)', message: 'is not a known column' });
    else if (seen.has(h)) errors.push({ field: h, message: 'appears twice' });
    seen.add(h);
  }
  for (const r of required)
    if (!seen.has(r)) errors.push({ field: r, message: 'is a required column' });
  return errors;
}
