import {
  CSV_COLUMNS,
  csvColumnOf,
  csvHeaderErrors,
  csvRowToBody,
  outcomeToCsvCells,
} from './csv-return';
import { Outcome } from './outcome';
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

  it('takes true and false for DDTRO figures, as the JSON body does', () => {
    const row = csvRowToBody({
      type: 'line',
      force: 'E23000004',
      occurredAt: '2026-10-06T10:00:00Z',
      action: 'disrupted',
      ddtroApplied: 'true',
      ddtroGranted: 'FALSE',
    });
    expect(row.errors).toEqual([]);
    expect(row.body).toMatchObject({ ddtroApplied: true, ddtroGranted: false });
    const outcome = validateOutcomeBody(row.body);
    expect(outcome.ok && outcome.value).toMatchObject({ ddtroApplied: 1, ddtroGranted: 0 });
    expect(csvRowToBody({ type: 'line', ddtroApplied: 'yes' }).errors).toEqual([
      { field: 'ddtroApplied', message: 'must be a number' },
    ]);
    expect(csvRowToBody({ type: 'arrest', count: 'true' }).errors).toEqual([
      { field: 'count', message: 'must be a number' },
    ]);
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

  it('writes an outcome as the row that reads back as the same outcome', () => {
    const seizure: Outcome = {
      type: 'seizure',
      force: 'E23000004',
      occurredAt: '2026-10-06T10:00:00.000Z',
      note: 'two bags, one car',
      cashPence: 125050,
      phones: 2,
      drugs: [
        { drug: 'cocaine', grams: 0.1, plants: 0, valuePence: 100 },
        { drug: 'cocaine', grams: 0.2, plants: 0, valuePence: 200 },
        { drug: 'cannabis', grams: 0, plants: 12, valuePence: 0 },
      ],
      weapons: { firearm: 0, bladed: 1, other: 0 },
    };
    const cells = outcomeToCsvCells(seizure);
    expect(Object.keys(cells).every((c) => CSV_COLUMNS.includes(c))).toBe(true);
    expect(cells).toMatchObject({
      cocaine_grams: 0.3,
      cocaine_value_pence: 300,
      weapons_bladed: 1,
    });
    const back = csvRowToBody(
      Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, String(v)])),
    );
    expect(back.errors).toEqual([]);
    expect(back.body).toMatchObject({ type: 'seizure', cashPence: 125050, note: seizure.note });
    expect(back.body.drugs).toEqual([
      { drug: 'cocaine', grams: 0.3, plants: 0, valuePence: 300 },
      { drug: 'cannabis', grams: 0, plants: 12, valuePence: 0 },
    ]);
  });
});
