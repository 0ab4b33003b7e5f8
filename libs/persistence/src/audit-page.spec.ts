import { auditCursorAfter } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { auditPageRequest } from './audit-page';

const OPERATION = '5d0c0a57-2a8e-4b7e-9d4c-1c1f3a0b9e21';

function fieldsAtFault(query: object): string[] {
  try {
    auditPageRequest(query);
  } catch (e) {
    return (e as ProblemError).errors.map((f) => f.field);
  }
  throw new Error('expected a validation problem');
}

describe('auditPageRequest', () => {
  it('treats blank filters as absent and defaults the page size', () => {
    expect(auditPageRequest({ action: '', operationId: '', cursor: '' })).toEqual({ limit: 50 });
  });

  it('keeps every filter and a cursor it gave out', () => {
    const cursor = auditCursorAfter('tasking-42');
    expect(
      auditPageRequest({
        action: 'tasking.issued',
        operationId: OPERATION,
        subjectId: 'x',
        sub: 'alice',
        cursor,
        limit: '10',
      }),
    ).toEqual({
      action: 'tasking.issued',
      operationId: OPERATION,
      subjectId: 'x',
      sub: 'alice',
      cursor,
      limit: 10,
    });
  });

  it('refuses an operation that is not a UUID, a foreign cursor and a repeated filter', () => {
    expect(
      fieldsAtFault({ operationId: 'week-1', cursor: 'bm90LW91cnM', action: ['a', 'b'] }),
    ).toEqual(['action', 'operationId', 'cursor']);
  });

  it('caps the page size', () => {
    expect(fieldsAtFault({ limit: '501' })).toEqual(['limit']);
    expect(auditPageRequest({ limit: 500 }).limit).toBe(500);
  });
});
