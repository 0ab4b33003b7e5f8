import { Readable } from 'node:stream';
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
import { ProblemError, streamCsv } from '@intensify/problems';

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
 * Reads a CSV return as it arrives: whole-file faults (not text, not CSV, too large, unknown or
 * missing columns, too many rows) are a 4xx problem; each row is judged on its own as it comes,
 * so good rows go through.
 */
export async function parseCsvReturn(
  source: Readable,
  principal: Principal,
): Promise<ParsedReturn> {
  const result: ParsedReturn = { rows: [], rejected: [] };
  let header: string[] = [];
  await streamCsv(source, CSV_LIMITS, {
    header(names) {
      const headerErrors = csvHeaderErrors(names);
      if (headerErrors.length)
        throw ProblemError.validation(
          headerErrors,
          'The header row names unknown, repeated or missing columns',
        );
      header = names;
    },
    row({ record, info }, row) {
      const line = info.lines;
      if (record.length !== header.length) {
        result.rejected.push({
          row,
          line,
          errors: [
            {
              field: 'row',
              message: `has ${record.length} cells; the header has ${header.length}`,
            },
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
    },
  });
  return result;
}
