import { waitFor } from '@intensify/testing';
import { FORCE_CODES } from '@intensify/reference-data';
import { api, tokenFor } from '../support/api';
import { board, createActiveWeek } from '../support/scenario';
import { record } from './record';

const ROWS = 10_000;

/** A realistic mixed return: all four types spread over the 44 forces. */
function buildReturn(): string {
  const header =
    'idempotencyKey,type,force,occurredAt,count,under18,charged,cashPence,crack_grams,crack_value_pence,weapons_bladed,children,adults,action,note';
  const lines = [header];
  const base = Date.now() - 36 * 3_600_000;
  for (let i = 0; i < ROWS; i++) {
    const force = FORCE_CODES[i % FORCE_CODES.length];
    const at = new Date(base + i * 1000).toISOString();
    const key = `bench-${i}`;
    switch (i % 4) {
      case 0:
        lines.push(`${key},arrest,${force},${at},2,1,1,,,,,,,,`);
        break;
      case 1:
        lines.push(`${key},seizure,${force},${at},,,,12550,3.125,40000,1,,,,`);
        break;
      case 2:
        lines.push(`${key},safeguarding,${force},${at},,,,,,,,1,2,,`);
        break;
      default:
        lines.push(
          `${key},line,${force},${at},,,,,,,,,,disrupted,"row ${i}, from the force's return"`,
        );
    }
  }
  return lines.join('\n');
}

describe('CSV import throughput', () => {
  it(`imports ${ROWS} rows in one request`, async () => {
    const op = await createActiveWeek('Benchmark week');
    const token = await tokenFor({ role: 'nclcc' });
    const csv = buildReturn();
    const upload = () =>
      api('POST', `/api/v1/operations/${op.id}/outcomes/import`, {
        token,
        raw: csv,
        headers: { 'content-type': 'text/csv' },
      });

    const t0 = performance.now();
    const first = await upload();
    const importMs = performance.now() - t0;
    expect(first.body).toMatchObject({ accepted: ROWS, duplicates: 0, rejected: [] });

    await waitFor(
      () => board(op.id),
      (b) => b.eventsApplied === ROWS,
      { timeoutMs: 120_000, intervalMs: 100, what: 'all rows on the board' },
    );
    const onBoardMs = performance.now() - t0;

    const t1 = performance.now();
    const again = await upload();
    const reuploadMs = performance.now() - t1;
    expect(again.body).toMatchObject({ accepted: 0, duplicates: ROWS });

    const bytes = Buffer.byteLength(csv);
    record(
      'csv-import',
      {
        rows: ROWS,
        fileKiB: Math.round(bytes / 1024),
        importMs: Math.round(importMs),
        rowsPerSecond: Math.round(ROWS / (importMs / 1000)),
        allOnBoardMs: Math.round(onBoardMs),
        reuploadAllDuplicatesMs: Math.round(reuploadMs),
      },
      '10,000 rows in seconds, not minutes',
      importMs < 10_000,
    );
  });
});
