import { operationStatus, validateCreateOperation, validateUpdateOperation } from './operation';

describe('validateCreateOperation', () => {
  it('normalizes and defaults focus forces', () => {
    expect(
      validateCreateOperation({
        name: ' Week ',
        startsAt: '2026-10-05T00:00:00+01:00',
        endsAt: '2026-10-12T00:00:00Z',
      }),
    ).toEqual({
      ok: true,
      value: {
        name: 'Week',
        startsAt: '2026-10-04T23:00:00.000Z',
        endsAt: '2026-10-12T00:00:00.000Z',
        focusForces: [],
      },
    });
  });

  it('names bad fields, unknown and duplicate forces, and an end before the start', () => {
    const r = validateCreateOperation({
      name: '',
      startsAt: 'x',
      endsAt: '2026-10-12T00:00:00Z',
      focusForces: ['E23000001', 'E23000001'],
      extra: 1,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && [...new Set(r.errors.map((e) => e.field))].sort()).toEqual([
      'extra',
      'focusForces',
      'name',
      'startsAt',
    ]);
    const backwards = validateCreateOperation({
      name: 'W',
      startsAt: '2026-10-12T00:00:00Z',
      endsAt: '2026-10-05T00:00:00Z',
    });
    expect(!backwards.ok && backwards.errors).toEqual([
      { field: 'endsAt', message: 'must be after startsAt' },
    ]);
  });
});

describe('operationStatus', () => {
  const start = new Date('2026-10-05T00:00:00Z');
  it('is planned before the start, active from it (even after the end), closed once closed', () => {
    expect(operationStatus(start, null, new Date('2026-10-04T23:59:59Z'))).toBe('planned');
    expect(operationStatus(start, null, start)).toBe('active');
    expect(operationStatus(start, null, new Date('2027-01-01T00:00:00Z'))).toBe('active');
    expect(
      operationStatus(start, new Date('2026-10-13T00:00:00Z'), new Date('2026-10-14T00:00:00Z')),
    ).toBe('closed');
  });
});

describe('validateUpdateOperation', () => {
  it('takes any of the name and dates, normalised as on create', () => {
    expect(
      validateUpdateOperation({ name: ' New ', startsAt: '2026-10-05T00:00:00+01:00' }),
    ).toEqual({
      ok: true,
      value: { name: 'New', startsAt: '2026-10-04T23:00:00.000Z' },
    });
  });

  it('names bad and unknown fields, refuses an empty edit and an end before the start', () => {
    const bad = validateUpdateOperation({ name: ' ', endsAt: 'x', status: 'closed' });
    expect(!bad.ok && [...new Set(bad.errors.map((e) => e.field))].sort()).toEqual([
      'endsAt',
      'name',
      'status',
    ]);
    expect(validateUpdateOperation({}).ok).toBe(false);
    expect(
      validateUpdateOperation({ startsAt: '2026-10-12T00:00:00Z', endsAt: '2026-10-05T00:00:00Z' }),
    ).toEqual({ ok: false, errors: [{ field: 'endsAt', message: 'must be after startsAt' }] });
  });
});
