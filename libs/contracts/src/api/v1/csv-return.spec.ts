import { CSV_COLUMNS, csvColumnOf, csvHeaderErrors, csvRowToBody } from './csv-return';
import { validateOutcomeBody } from './outcome.validation';

describe('CSV returns', () => {
  it('knows every column the page template offers', () => {
    expect(CSV_COLUMNS).toContain('cocaine_value_pence');
    expect(CSV_COLUMNS).toContain('weapons_bladed');
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });

  it('rejects unknown, repeated and missing columns', () => {
    expect(csvHeaderErrors(['idempotencyKey', 'type', 'force', 'colour', 'type'])).toEqual([
      { field: 'colour', message: 'is not a known column' },
      { field: 'type', message: 'appears twice' },
      { field: 'occurredAt', message: 'is a required column' },
    ]);
    expect(csvHeaderErrors(['occurredAt', 'force', 'type', 'idempotencyKey', 'count'])).toEqual([]);
  });

  it('turns a row into a body the usual validation accepts', () => {
    const row = csvRowToBody({
      idempotencyKey: ' r-1 ',
      type: 'seizure',
      force: 'E23000004',
      occurredAt: '2026-10-06T10:00:00Z',
      count: '',
      cashPence: '125000',
      crack_grams: '12.5',
      crack_value_pence: '90000',
      cannabis_plants: '4',
      weapons_bladed: '2',
    });
    expect(row.key).toBe('r-1');
    expect(row.errors).toEqual([]);
    expect(row.body).toEqual({
      type: 'seizure',
      force: 'E23000004',
      occurredAt: '2026-10-06T10:00:00Z',
      cashPence: 125000,
      drugs: [
        { drug: 'crack', grams: 12.5, valuePence: 90000 },
        { drug: 'cannabis', plants: 4 },
      ],
      weapons: { bladed: 2 },
    });
    expect(validateOutcomeBody(row.body).ok).toBe(true);
  });

  it('names the column of a cell that is not a number', () => {
    expect(csvRowToBody({ type: 'arrest', count: 'three' }).errors).toEqual([
      { field: 'count', message: 'must be a number' },
    ]);
  });

  it('maps body paths back to columns', () => {
    const body = { drugs: [{ drug: 'heroin' }, { drug: 'other' }] };
    expect(csvColumnOf('drugs.1.valuePence', body)).toBe('other_value_pence');
    expect(csvColumnOf('weapons.firearm', body)).toBe('weapons_firearm');
    expect(csvColumnOf('count', body)).toBe('count');
  });
});
