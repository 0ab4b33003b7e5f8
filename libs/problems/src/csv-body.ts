import { Options, parse } from 'csv-parse/sync';
import { ProblemError } from './problem.error';

export interface CsvRecord {
  record: string[];
  /** Where the record ends in the file (1-based), for messages that point at a line. */
  info: { lines: number };
}

export interface CsvBody {
  /** The header row, each name trimmed. */
  header: string[];
  data: CsvRecord[];
}

/** Byte-order mark allowed, blank lines skipped, ragged rows kept for the row checks to name. */
export const CSV_OPTIONS: Options = {
  info: true,
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
};

export const csvProblems = {
  empty: () => ProblemError.validation([{ field: 'body', message: 'the file is empty' }]),
  binary: () =>
    ProblemError.validation([
      { field: 'body', message: 'is not a CSV text file (it holds binary data)' },
    ]),
  malformed: (e: Error) =>
    ProblemError.validation([{ field: 'body', message: `is not valid CSV: ${e.message}` }]),
};

/**
 * Reads an uploaded CSV return the same way everywhere (see CSV_OPTIONS). An empty, binary or
 * unreadable file is a 400 about the body as a whole.
 */
export function readCsvBody(text: string): CsvBody {
  if (text.trim() === '') throw csvProblems.empty();
  if (text.includes('\u0000')) throw csvProblems.binary();
  let records: CsvRecord[];
  try {
    records = parse(text, CSV_OPTIONS) as unknown as CsvRecord[];
  } catch (e) {
    throw csvProblems.malformed(e as Error);
  }
  const [head, ...data] = records;
  return { header: head.record.map((h) => h.trim()), data };
}
