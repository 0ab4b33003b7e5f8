import { RejectedRow } from '@intensify/contracts';
import { Principal } from '@intensify/auth';
import { LineReferences } from '../intelligence/line-references';
import { ParsedReturn } from './csv-return.parser';

/**
 * Moves rows whose `lineId` names no register line the caller may read to the rejected rows,
 * with the column named; every row's line is looked up in one call for the whole file.
 */
export async function rejectUnknownLines(
  parsed: ParsedReturn,
  p: Principal,
  lines: LineReferences,
): Promise<ParsedReturn> {
  const refs = parsed.rows.flatMap((r, i) =>
    r.outcome.lineId ? [{ field: String(i), lineId: r.outcome.lineId }] : [],
  );
  const bad = new Map((await lines.errors(p, refs)).map((e) => [Number(e.field), e.message]));
  if (bad.size === 0) return parsed;
  const rejected: RejectedRow[] = [];
  parsed.rows.forEach((r, i) => {
    const message = bad.get(i);
    if (message)
      rejected.push({ row: r.row, line: r.line, errors: [{ field: 'lineId', message }] });
  });
  return {
    rows: parsed.rows.filter((_, i) => !bad.has(i)),
    rejected: [...parsed.rejected, ...rejected],
  };
}
