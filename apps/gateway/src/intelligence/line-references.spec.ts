import { Principal } from '@intensify/auth';
import { LINE_REFERENCE_MESSAGE, lineReferenceErrors } from './line-references';

const MET = 'E23000001';
const MERSEYSIDE = 'E23000004';
const METS_LINE = '11111111-1111-4111-8111-111111111111';
const MERSEYSIDES_LINE = '22222222-2222-4222-8222-222222222222';
const MISSING = '33333333-3333-4333-8333-333333333333';
const forcesOf = new Map([
  [METS_LINE, [MET]],
  [MERSEYSIDES_LINE, [MERSEYSIDE]],
]);
const metUser = { sub: 'u', role: 'force', force: MET } as Principal;
const nclcc = { sub: 'n', role: 'nclcc' } as Principal;

describe('line references', () => {
  it('accept a register line the caller may read, in any letter case', () => {
    expect(
      lineReferenceErrors(metUser, [{ field: 'lineId', lineId: METS_LINE }], forcesOf),
    ).toEqual([]);
    expect(
      lineReferenceErrors(
        metUser,
        [{ field: 'lineId', lineId: METS_LINE.toUpperCase() }],
        forcesOf,
      ),
    ).toEqual([]);
  });

  it('refuse a missing line and a line out of scope alike, naming each field', () => {
    const errors = lineReferenceErrors(
      metUser,
      [
        { field: 'taskings.0.lineId', lineId: METS_LINE },
        { field: 'taskings.1.lineId', lineId: MERSEYSIDES_LINE },
        { field: 'taskings.2.lineId', lineId: MISSING },
      ],
      forcesOf,
    );
    expect(errors).toEqual([
      { field: 'taskings.1.lineId', message: LINE_REFERENCE_MESSAGE },
      { field: 'taskings.2.lineId', message: LINE_REFERENCE_MESSAGE },
    ]);
  });

  it('let the NCLCC name any register line, never a missing one', () => {
    expect(
      lineReferenceErrors(
        nclcc,
        [
          { field: 'a', lineId: MERSEYSIDES_LINE },
          { field: 'b', lineId: MISSING },
        ],
        forcesOf,
      ).map((e) => e.field),
    ).toEqual(['b']);
  });
});
