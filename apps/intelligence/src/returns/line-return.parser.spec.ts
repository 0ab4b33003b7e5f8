import { ProblemError } from '@intensify/problems';
import { parseLineReturn } from './line-return.parser';

const MET = 'E23000001';
const header =
  'brand,exportingForce,importingForces,numbers,replacedNumbers,holderRefs,childrenExploited,weapons,violence,cuckooing,status,closureType,lastIntelligenceAt';

function problem(f: () => unknown): ProblemError {
  try {
    f();
  } catch (e) {
    return e as ProblemError;
  }
  throw new Error('expected a problem');
}

describe('parseLineReturn', () => {
  it('normalizes numbers, lists, flags and fills defaults', () => {
    const csv = `${header}\n"Jay ",,E23000004;W15000001,07700 900001|+447700900002,,lh-0001;LH-0002,yes,no,Y,,,,\n`;
    const { rows, rejected } = parseLineReturn(csv, MET, '2026-10');
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      {
        row: 1,
        line: 2,
        brand: 'Jay',
        exportingForce: MET,
        importingForces: ['E23000004', 'W15000001'],
        numbers: ['07700900001', '07700900002'],
        replacedNumbers: [],
        holderRefs: ['LH-0001', 'LH-0002'],
        riskFactors: { childrenExploited: true, weapons: false, violence: true, cuckooing: false },
        status: null,
        closureType: null,
        lastIntelligenceAt: '2026-10-31T23:59:59.999Z',
      },
    ]);
  });

  it('rejects bad rows naming every bad column, and keeps the good ones', () => {
    const csv = [
      'brand,importingForces,numbers,holderRefs,weapons,status,closureType',
      'Good,E23000004,07700900001,,yes,active,',
      'Bad,X1,0123,JOHN SMITH,maybe,closed,',
      'Dated,,07700900003,LH-12031990,,,',
      'good,,07700900009,,,,',
    ].join('\n');
    const { rows, rejected } = parseLineReturn(csv, MET, '2026-10');
    expect(rows.map((r) => r.brand)).toEqual(['Good']);
    expect(rejected).toEqual([
      {
        row: 2,
        line: 3,
        errors: [
          { field: 'importingForces', message: 'X1 is not a known force code' },
          { field: 'numbers', message: '0123 is not a UK mobile number (07…)' },
          { field: 'holderRefs', message: expect.stringContaining('pseudonymous reference') },
          { field: 'weapons', message: 'must be yes or no' },
          { field: 'closureType', message: 'is required when status is closed' },
        ],
      },
      {
        row: 3,
        line: 4,
        errors: [{ field: 'holderRefs', message: 'must not hold a date (no dates of birth)' }],
      },
      { row: 4, line: 5, errors: [{ field: 'brand', message: 'is listed already in row 1' }] },
    ]);
  });

  it('refuses a file whose header is not a line return', () => {
    const p = problem(() => parseLineReturn('name,phone\nx,y\n', MET, '2026-10'));
    expect(p.errors).toEqual([
      { field: 'name', message: 'is not a known column' },
      { field: 'phone', message: 'is not a known column' },
      { field: 'brand', message: 'column is required' },
    ]);
    expect(problem(() => parseLineReturn('  \n', MET, '2026-10')).errors[0].field).toBe('body');
  });
});
