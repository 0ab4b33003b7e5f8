import {
  CLOSURE_TYPES,
  endOfMonth,
  FieldError,
  holderRefError,
  LINE_RETURN_COLUMNS,
  LINE_RETURN_LIMITS,
  LINE_STATUSES,
  LineReturnRejectedRow,
  LineReturnRow,
  normalizeNumber,
  RISK_FACTORS,
  closureErrors,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { ProblemError, readCsvBody } from '@intensify/problems';

export interface ParsedLineReturn {
  rows: LineReturnRow[];
  rejected: LineReturnRejectedRow[];
}

const LIST = /[;|]/;
const TRUE = ['yes', 'y', 'true', '1'];
const FALSE = ['no', 'n', 'false', '0', ''];

/**
 * Reads a force's monthly return of lines. Whole-file faults (empty, not CSV, unknown or
 * missing columns, too many rows) are a 400; each row is then judged on its own so good rows
 * go through, and a rejected row names every bad column. Lists are separated by `;` or `|`.
 */
export function parseLineReturn(text: string, force: string, month: string): ParsedLineReturn {
  const { header, data } = readCsvBody(text);
  const unknown = header.filter((h) => !(LINE_RETURN_COLUMNS as readonly string[]).includes(h));
  const errors: FieldError[] = unknown.map((h) => ({ field: h, message: 'is not a known column' }));
  if (!header.includes('brand')) errors.push({ field: 'brand', message: 'column is required' });
  const twice = header.filter((h, i) => header.indexOf(h) !== i);
  for (const h of new Set(twice)) errors.push({ field: h, message: 'column is given twice' });
  if (errors.length) throw ProblemError.validation(errors, 'The header row is not a line return');
  if (data.length > LINE_RETURN_LIMITS.rows)
    throw ProblemError.validation([
      {
        field: 'body',
        message: `has ${data.length} rows; at most ${LINE_RETURN_LIMITS.rows} per return`,
      },
    ]);
  const out: ParsedLineReturn = { rows: [], rejected: [] };
  const seen = new Map<string, number>();
  data.forEach(({ record, info }, i) => {
    const cells = Object.fromEntries(header.map((h, j) => [h, (record[j] ?? '').trim()]));
    const row = i + 1;
    const result = parseRow(
      cells,
      force,
      month,
      record.length !== header.length ? header.length : null,
    );
    if ('errors' in result)
      return out.rejected.push({ row, line: info.lines, errors: result.errors });
    const key = result.brand.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key))
      return out.rejected.push({
        row,
        line: info.lines,
        errors: [{ field: 'brand', message: `is listed already in row ${seen.get(key)}` }],
      });
    seen.set(key, row);
    out.rows.push({ ...result, row, line: info.lines });
  });
  return out;
}

type RowFields = Omit<LineReturnRow, 'row' | 'line'>;

function parseRow(
  c: Record<string, string>,
  force: string,
  month: string,
  width: number | null,
): RowFields | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (width !== null)
    errors.push({ field: 'row', message: `must have ${width} cells like the header` });
  const brand = c.brand ?? '';
  if (!brand || brand.length > 100)
    errors.push({ field: 'brand', message: 'is required (at most 100 characters)' });
  const exportingForce = c.exportingForce || force;
  if (!FORCE_CODES.includes(exportingForce))
    errors.push({
      field: 'exportingForce',
      message: 'must be a known force code (see GET /api/v1/forces)',
    });
  const importingForces = list(c.importingForces);
  const badForce = importingForces.find((f) => !FORCE_CODES.includes(f));
  if (badForce)
    errors.push({ field: 'importingForces', message: `${badForce} is not a known force code` });
  const numbers = numbersOf(c.numbers, 'numbers', errors);
  const replacedNumbers = numbersOf(c.replacedNumbers, 'replacedNumbers', errors);
  if (replacedNumbers.length && numbers.length === 0)
    errors.push({ field: 'replacedNumbers', message: 'needs the new number in numbers' });
  const holderRefs = list(c.holderRefs).map((h) => h.toUpperCase());
  for (const h of holderRefs) {
    const m = holderRefError(h);
    if (m) errors.push({ field: 'holderRefs', message: m });
  }
  const riskFactors = Object.fromEntries(
    RISK_FACTORS.map((r) => {
      const v = (c[r] ?? '').toLowerCase();
      if (!TRUE.includes(v) && !FALSE.includes(v))
        errors.push({ field: r, message: 'must be yes or no' });
      return [r, TRUE.includes(v)];
    }),
  ) as RowFields['riskFactors'];
  // An empty status keeps a known line's status (a new line is active).
  const status = c.status ? (c.status.toLowerCase() as RowFields['status']) : null;
  if (status && !LINE_STATUSES.includes(status))
    errors.push({ field: 'status', message: `must be one of: ${LINE_STATUSES.join(', ')}` });
  const closureType = (c.closureType || null)?.toLowerCase().replace(/\s+/g, '') ?? null;
  if (closureType && !(CLOSURE_TYPES as readonly string[]).includes(closureType))
    errors.push({ field: 'closureType', message: 'must be type1 or type2' });
  else if (status) errors.push(...closureErrors(status, closureType as RowFields['closureType']));
  let lastIntelligenceAt = endOfMonth(month);
  if (c.lastIntelligenceAt) {
    const t = Date.parse(c.lastIntelligenceAt);
    if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(c.lastIntelligenceAt))
      errors.push({
        field: 'lastIntelligenceAt',
        message: 'must be a date (yyyy-mm-dd) or ISO 8601 time',
      });
    else lastIntelligenceAt = new Date(t).toISOString();
  }
  if (errors.length) return { errors };
  return {
    brand: brand.replace(/\s+/g, ' '),
    exportingForce,
    importingForces: [...new Set(importingForces)].sort(),
    numbers,
    replacedNumbers,
    holderRefs: [...new Set(holderRefs)].sort(),
    riskFactors,
    status,
    closureType: closureType as RowFields['closureType'],
    lastIntelligenceAt,
  };
}

function list(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(LIST)
    .map((s) => s.trim())
    .filter(Boolean);
}

function numbersOf(cell: string | undefined, field: string, errors: FieldError[]): string[] {
  const out: string[] = [];
  for (const raw of list(cell)) {
    const n = normalizeNumber(raw);
    if (!n) errors.push({ field, message: `${raw} is not a UK mobile number (07…)` });
    else if (!out.includes(n)) out.push(n);
  }
  return out;
}
