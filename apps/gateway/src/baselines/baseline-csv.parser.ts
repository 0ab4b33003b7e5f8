import { Readable } from 'node:stream';
import {
  BASELINE_CSV_LIMITS,
  baselineCsvHeaderErrors,
  baselineCsvRow,
  FieldError,
  ImportBaselinesRequest,
  RejectedRow,
} from '@intensify/contracts';
import { FORCE_CODES } from '@intensify/reference-data';
import { may, Principal } from '@intensify/auth';
import { ProblemError, streamCsv } from '@intensify/problems';

export interface ParsedBaselines {
  rows: ImportBaselinesRequest['rows'];
  rejected: RejectedRow[];
}

/**
 * Reads a baselines CSV as it arrives: whole-file faults are a 4xx problem; each row is judged
 * on its own (figures, week, force and the caller's scope), so good rows go through.
 */
export async function parseBaselineCsv(
  source: Readable,
  principal: Principal,
): Promise<ParsedBaselines> {
  const result: ParsedBaselines = { rows: [], rejected: [] };
  let header: string[] = [];
  await streamCsv(source, BASELINE_CSV_LIMITS, {
    header(names) {
      const errors = baselineCsvHeaderErrors(names);
      if (errors.length)
        throw ProblemError.validation(
          errors,
          'The header row names unknown, repeated or missing columns',
        );
      header = names;
    },
    row({ record, info }, row) {
      const line = info.lines;
      if (record.length !== header.length) {
        const message = `has ${record.length} cells; the header has ${header.length}`;
        result.rejected.push({ row, line, errors: [{ field: 'row', message }] });
        return;
      }
      const cells = Object.fromEntries(header.map((h, c) => [h, record[c].trim()]));
      const parsed = baselineCsvRow(cells);
      const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
      if (cells.force && !FORCE_CODES.includes(cells.force))
        errors.push({ field: 'force', message: 'must be a force code from GET /api/v1/forces' });
      else if (cells.force && !may(principal, 'baseline.write', { force: cells.force }))
        errors.push({ field: 'force', message: 'is not a force you may report for' });
      if (errors.length || !parsed.ok) result.rejected.push({ row, line, errors });
      else result.rows.push({ row, line, ...parsed.value });
    },
  });
  return result;
}
