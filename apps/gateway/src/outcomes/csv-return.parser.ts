import {
  CSV_LIMITS,
  csvColumnOf,
  csvHeaderErrors,
  csvRowToBody,
  FieldError,
  idempotencyKeyErrors,
  Outcome,
  RejectedRow,
  validateOutcomeBody,
} from '@intensify/contracts';
import { may, Principal } from '@intensify/auth';
import { ProblemError, readCsvBody } from '@intensify/problems';

export interface ParsedRow {
  row: number;
  line: number;
  key: string;
  outcome: Outcome;
}

export interface ParsedReturn {
  rows: ParsedRow[];
  rejected: RejectedRow[];
}

/**
 * Reads a CSV return: whole-file faults (not text, not CSV, unknown or missing columns, too many
 * rows) are a 4xx problem; each row is then judged on its own, so good rows go through.
 */
export function parseCsvReturn(text: string, principal: Principal): ParsedReturn {
  const { header, data } = readCsvBody(text);
  const headerErrors = csvHeaderErrors(header);
  if (headerErrors.length)
    throw ProblemError.validation(
      headerErrors,
      'The header row names unknown, repeated or missing columns',
    );
  if (data.length > CSV_LIMITS.rows) {
    throw new ProblemError(
      'payload_too_large',
      `A return may hold at most ${CSV_LIMITS.rows} rows; this one has ${data.length}`,
    );
  }

  const result: ParsedReturn = { rows: [], rejected: [] };
  data.forEach(({ record, info }, i) => {
    const row = i + 1;
    const line = info.lines;
    if (record.length !== header.length) {
      result.rejected.push({
        row,
        line,
        errors: [
          { field: 'row', message: `has ${record.length} cells; the header has ${header.length}` },
        ],
      });
      return;
    }
    const cells = Object.fromEntries(header.map((h, c) => [h, record[c]]));
    const { key, body, errors } = csvRowToBody(cells);
    const rowErrors: FieldError[] = [...errors, ...idempotencyKeyErrors(key, 'idempotencyKey')];
    const checked = validateOutcomeBody(body);
    if (!checked.ok)
      rowErrors.push(...checked.errors.map((e) => ({ ...e, field: csvColumnOf(e.field, body) })));
    else if (!may(principal, 'outcome.write', { force: checked.value.force })) {
      rowErrors.push({ field: 'force', message: 'is not a force you may report for' });
    }
    if (rowErrors.length || !checked.ok) result.rejected.push({ row, line, errors: rowErrors });
    else result.rows.push({ row, line, key: key!, outcome: checked.value });
  });
  return result;
}
