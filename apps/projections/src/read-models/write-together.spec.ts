import { together } from './write-together';

describe('statements written together', () => {
  it('sends one statement as it is', () => {
    const w = { sql: 'INSERT INTO a SELECT * FROM unnest($1::int[])', params: [[1]] };
    expect(together([w])).toBe(w);
  });

  it('makes each a WITH query and numbers the parameters after the ones before', () => {
    const { sql, params } = together([
      {
        sql: 'INSERT INTO a (x, y) SELECT * FROM unnest($1::int[], $2::int[])',
        params: [[1], [2]],
      },
      {
        sql: 'INSERT INTO b (x) SELECT * FROM unnest($1::int[]) ON CONFLICT DO NOTHING',
        params: [[3]],
      },
      {
        sql: 'UPDATE c SET x = x + $2 WHERE id = $1 AND y = $12',
        params: ['k', 4, ...Array(10).fill(0)],
      },
    ]);
    expect(sql).toBe(
      'WITH w0 AS (INSERT INTO a (x, y) SELECT * FROM unnest($1::int[], $2::int[])),\n' +
        'w1 AS (INSERT INTO b (x) SELECT * FROM unnest($3::int[]) ON CONFLICT DO NOTHING),\n' +
        'w2 AS (UPDATE c SET x = x + $5 WHERE id = $4 AND y = $15)\nSELECT 1',
    );
    expect(params).toEqual([[1], [2], [3], 'k', 4, ...Array(10).fill(0)]);
  });
});
