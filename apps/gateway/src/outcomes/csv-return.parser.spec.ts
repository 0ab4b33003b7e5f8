import { Readable } from 'node:stream';
import { ProblemError } from '@intensify/problems';
import { parseCsvReturn as parseStream } from './csv-return.parser';

/** The upload as the gateway receives it: a stream of bytes, in chunks. */
const parseCsvReturn = (text: string, p: Parameters<typeof parseStream>[1]) =>
  parseStream(Readable.from([Buffer.from(text)]), p);

const nclcc = { sub: 'n', role: 'nclcc' as const };
const header = 'idempotencyKey,type,force,occurredAt,count,under18,cashPence,crack_grams';

async function problemOf(fn: () => Promise<unknown>): Promise<ProblemError> {
  try {
    await fn();
  } catch (e) {
    return e as ProblemError;
  }
  throw new Error('expected a problem');
}

describe('parseCsvReturn', () => {
  it('accepts good rows and reports each bad one with its row, line and columns', async () => {
    const csv = [
      header,
      'k1,arrest,E23000004,2026-10-06T10:00:00Z,2,1,,',
      'k2,arrest,E23000004,2026-10-06T10:00:00Z,1,3,,',
      '',
      'k3,seizure,E23000004,2026-10-06T10:00:00Z,,,5000,1.2345',
      ',arrest,NOPE,yesterday,x,,,',
      'k5,seizure,BTP,2026-10-06T10:00:00Z,,,100,2.5',
    ].join('\n');
    const r = await parseCsvReturn(csv, nclcc);
    expect(r.rows.map((x) => [x.row, x.line, x.key])).toEqual([
      [1, 2, 'k1'],
      [5, 7, 'k5'],
    ]);
    expect(r.rows[1].outcome).toMatchObject({
      type: 'seizure',
      cashPence: 100,
      drugs: [{ drug: 'crack', grams: 2.5 }],
    });
    expect(r.rejected).toEqual([
      { row: 2, line: 3, errors: [{ field: 'under18', message: 'must not exceed count' }] },
      {
        row: 3,
        line: 5,
        errors: [{ field: 'crack_grams', message: 'must have at most 3 decimal places' }],
      },
      {
        row: 4,
        line: 6,
        errors: expect.arrayContaining([
          { field: 'count', message: 'must be a number' },
          { field: 'idempotencyKey', message: 'is required' },
          expect.objectContaining({ field: 'force' }),
          expect.objectContaining({ field: 'occurredAt' }),
        ]),
      },
    ]);
  });

  it('rejects rows for forces outside the uploader’s scope', async () => {
    const csv = `${header}\nk1,arrest,E23000001,2026-10-06T10:00:00Z,1,,,\nk2,arrest,E23000004,2026-10-06T10:00:00Z,1,,,`;
    const r = await parseCsvReturn(csv, { sub: 'r', role: 'regional', region: 'north-west' });
    expect(r.rows.map((x) => x.key)).toEqual(['k2']);
    expect(r.rejected).toEqual([
      {
        row: 1,
        line: 2,
        errors: [{ field: 'force', message: 'is not a force you may report for' }],
      },
    ]);
  });

  it('refuses whole files that are empty, binary, malformed or have unknown or missing columns', async () => {
    expect((await problemOf(() => parseCsvReturn('', nclcc))).errors[0].message).toBe(
      'the file is empty',
    );
    expect((await problemOf(() => parseCsvReturn('a\u0000b', nclcc))).errors[0].message).toMatch(
      /binary/,
    );
    expect(
      (await problemOf(() => parseCsvReturn(`${header}\n"k1,arrest`, nclcc))).errors[0].message,
    ).toMatch(/not valid CSV/);
    const cols = await problemOf(() => parseCsvReturn('idempotencyKey,type,force,colour\n', nclcc));
    expect(cols.code).toBe('validation_failed');
    expect(cols.errors).toEqual([
      { field: 'colour', message: 'is not a known column' },
      { field: 'occurredAt', message: 'is a required column' },
    ]);
  });

  it('reports a row with the wrong number of cells', async () => {
    const r = await parseCsvReturn(`${header}\nk1,arrest,E23000004`, nclcc);
    expect(r.rejected[0]).toEqual({
      row: 1,
      line: 2,
      errors: [{ field: 'row', message: 'has 3 cells; the header has 8' }],
    });
  });
});

describe('parseCsvReturn limits', () => {
  const row = (i: number) => `k${i},arrest,E23000004,2026-10-06T10:00:00Z,1,,,`;

  it('stops at the row cap while reading, without reading the rest', async () => {
    let pulled = 0;
    // 60,000 rows, a hundred at a time: the reader must stop soon after row 50,000.
    const source = Readable.from(
      (function* () {
        yield Buffer.from(`${header}\n`);
        for (let i = 0; i < 600; i++) {
          pulled += 1;
          yield Buffer.from(
            Array.from({ length: 100 }, (_, j) => row(i * 100 + j)).join('\n') + '\n',
          );
        }
      })(),
    );
    const p = await problemOf(() => parseStream(source, nclcc));
    expect(p.code).toBe('payload_too_large');
    expect(p.detail).toMatch(/at most 50000 rows/);
    expect(pulled).toBeLessThan(520);
  });

  it('stops at the byte limit, naming it', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'y');
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        yield Buffer.from('idempotencyKey,type,force,occurredAt,note\nk,arrest,BTP,x,');
        for (let i = 0; i < 20; i++) {
          pulled += 1;
          yield chunk;
        }
      })(),
    );
    const p = await problemOf(() => parseStream(source, nclcc));
    expect(p.code).toBe('payload_too_large');
    expect(p.detail).toMatch(/10 MiB/);
    expect(pulled).toBeLessThan(13);
  });
});
