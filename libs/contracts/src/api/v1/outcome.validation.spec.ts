import { validateOutcomeBody } from './outcome.validation';

const base = { force: 'E23000001', occurredAt: '2026-10-06T10:00:00+01:00' };

function errorsOf(body: unknown) {
  const r = validateOutcomeBody(body);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

function fields(body: unknown) {
  return errorsOf(body)
    .map((e) => e.field)
    .sort();
}

describe('validateOutcomeBody', () => {
  it('fills defaults and normalizes times to UTC', () => {
    const r = validateOutcomeBody({ ...base, type: 'arrest', count: 3 });
    expect(r).toEqual({
      ok: true,
      value: {
        type: 'arrest',
        force: 'E23000001',
        occurredAt: '2026-10-06T09:00:00.000Z',
        count: 3,
        under18: 0,
        charged: 0,
      },
    });
  });

  it('gives equal normalized bodies for equal meanings', () => {
    const a = validateOutcomeBody({ ...base, type: 'arrest', count: 2 });
    const b = validateOutcomeBody({
      under18: 0,
      count: 2,
      type: 'arrest',
      ...base,
      occurredAt: '2026-10-06T09:00:00Z',
    });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('requires a known type first', () => {
    expect(errorsOf({ ...base })).toEqual([{ field: 'type', message: 'is required' }]);
    expect(fields({ ...base, type: 'burglary' })).toEqual(['type']);
    expect(fields([])).toEqual(['body']);
    expect(fields(null)).toEqual(['body']);
  });

  it('names every bad field at once', () => {
    expect(
      fields({
        type: 'arrest',
        force: 'X1',
        occurredAt: 'yesterday',
        count: 0,
        under18: -1,
        note: 'x'.repeat(2001),
      }),
    ).toEqual(['count', 'force', 'note', 'occurredAt', 'under18']);
  });

  it('rejects unknown fields, nested ones too', () => {
    expect(errorsOf({ ...base, type: 'arrest', count: 1, colour: 'red' })).toEqual([
      { field: 'colour', message: 'is not a known field' },
    ]);
    expect(
      fields({ ...base, type: 'seizure', drugs: [{ drug: 'crack', grams: 1, kilos: 2 }] }),
    ).toEqual(['drugs.0.kilos']);
    expect(fields({ ...base, type: 'seizure', weapons: { bladed: 1, guns: 1 } })).toEqual([
      'weapons.guns',
    ]);
  });

  it('keeps under-18s and charges within the arrest count', () => {
    expect(errorsOf({ ...base, type: 'arrest', count: 2, under18: 3, charged: 3 })).toEqual([
      { field: 'under18', message: 'must not exceed count' },
      { field: 'charged', message: 'must not exceed count' },
    ]);
    expect(
      validateOutcomeBody({ ...base, type: 'arrest', count: 2, under18: 2, charged: 2 }).ok,
    ).toBe(true);
  });

  it('accepts grams with up to three decimals only', () => {
    const ok = validateOutcomeBody({
      ...base,
      type: 'seizure',
      drugs: [{ drug: 'cocaine', grams: 12.345 }],
    });
    expect(ok.ok && ok.value.type === 'seizure' && ok.value.drugs[0]).toEqual({
      drug: 'cocaine',
      grams: 12.345,
      plants: 0,
      valuePence: 0,
    });
    expect(
      fields({ ...base, type: 'seizure', drugs: [{ drug: 'cocaine', grams: 1.0001 }] }),
    ).toEqual(['drugs.0.grams']);
  });

  it('needs at least one non-zero figure in a seizure or safeguarding outcome', () => {
    expect(
      fields({ ...base, type: 'seizure', cashPence: 0, drugs: [{ drug: 'heroin', grams: 0 }] }),
    ).toEqual(['body']);
    expect(fields({ ...base, type: 'safeguarding', children: 0 })).toEqual(['body']);
    expect(validateOutcomeBody({ ...base, type: 'seizure', weapons: { firearm: 1 } }).ok).toBe(
      true,
    );
    expect(validateOutcomeBody({ ...base, type: 'safeguarding', nrmReferrals: 1 }).ok).toBe(true);
  });

  it('integers must be whole and non-negative; money in pence', () => {
    expect(fields({ ...base, type: 'seizure', cashPence: 10.5 })).toEqual(['cashPence']);
    expect(fields({ ...base, type: 'seizure', phones: -1 })).toEqual(['phones']);
    expect(fields({ ...base, type: 'arrest', count: '2' })).toEqual(['count']);
  });

  it('reads DDTRO flags as counts', () => {
    const r = validateOutcomeBody({
      ...base,
      type: 'line',
      action: 'closed-type2',
      ddtroApplied: true,
      ddtroGranted: 2,
    });
    expect(r.ok && r.value).toMatchObject({ ddtroApplied: 1, ddtroGranted: 2 });
    expect(fields({ ...base, type: 'line', action: 'shut' })).toEqual(['action']);
    expect(fields({ ...base, type: 'line' })).toEqual(['action']);
  });

  it('requires an offset on times', () => {
    expect(
      fields({ ...base, type: 'arrest', count: 1, occurredAt: '2026-10-06T10:00:00' }),
    ).toEqual(['occurredAt']);
  });
});
