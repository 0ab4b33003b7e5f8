import { validateHandoffListQuery } from './handoff';

const fields = (q: Record<string, unknown>) => {
  const r = validateHandoffListQuery(q);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('hand-off list query', () => {
  it('takes every filter the contract names, limit as a number', () => {
    const r = validateHandoffListQuery({
      operationId: '6f1c1d53-3a8a-4a51-9a43-0d2f1c4c2b11',
      homeForce: 'E23000001',
      foundForce: 'BTP',
      status: 'raised',
      overdue: 'true',
      cursor: 'aDox',
      limit: '25',
    });
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ homeForce: 'E23000001', overdue: 'true', limit: 25 }),
    });
  });

  it('treats empty values as not given', () => {
    expect(validateHandoffListQuery({ status: '', limit: '' })).toEqual({ ok: true, value: {} });
  });

  it('names every unknown, repeated or bad parameter', () => {
    expect(fields({ force: 'E23000001' })).toEqual(['force']);
    expect(fields({ status: ['raised', 'closed'] })).toEqual(['status']);
    expect(
      fields({
        homeForce: 'X',
        status: 'open',
        overdue: 'yes',
        limit: '501',
        operationId: '1',
      }).sort(),
    ).toEqual(['homeForce', 'limit', 'operationId', 'overdue', 'status']);
    expect(fields({ limit: '0' })).toEqual(['limit']);
  });
});
