import { DRUGS, WEAPONS } from './outcome.schema';
import { Outcome } from './outcome';
import { FieldError } from '../../validation';
import { csvHeaderErrorsOf } from './csv-header';

/**
 * Columns of a CSV return, one outcome per row. Scalar fields keep their JSON names; nested
 * drugs and weapons are flattened (`cocaine_grams`, `weapons_bladed`). Only the first four are
 * required in the header; a row leaves blank what its type does not use.
 */
export const CSV_REQUIRED_COLUMNS = ['idempotencyKey', 'type', 'force', 'occurredAt'] as const;
const DRUG_COLUMNS = DRUGS.flatMap((d) => [`${d}_grams`, `${d}_plants`, `${d}_value_pence`]);
const WEAPON_COLUMNS = WEAPONS.map((w) => `weapons_${w}`);
const INTEGER_COLUMNS = [
  'count',
  'under18',
  'charged',
  'cashPence',
  'phones',
  'children',
  'adults',
  'nrmReferrals',
  'cuckooedAddressesVisited',
  'ddtroApplied',
  'ddtroGranted',
];
const DDTRO_COLUMNS = ['ddtroApplied', 'ddtroGranted'];
export const CSV_COLUMNS: readonly string[] = [
  ...CSV_REQUIRED_COLUMNS,
  'lineId',
  'taskingId',
  'note',
  ...INTEGER_COLUMNS.slice(0, 5),
  ...DRUG_COLUMNS,
  ...WEAPON_COLUMNS,
  ...INTEGER_COLUMNS.slice(5),
  'action',
];

/** Bytes and rows one import may hold: a large force's week is a few thousand rows. */
export const CSV_LIMITS = { bytes: 10 * 1024 * 1024, rows: 50_000 } as const;

export function csvHeaderErrors(header: string[]): FieldError[] {
  return csvHeaderErrorsOf(header, CSV_COLUMNS, CSV_REQUIRED_COLUMNS);
}

export interface CsvRow {
  key: string | undefined;
  body: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * Turns one row (column → cell text) into an outcome body for the usual validation. Blank
 * cells are absent fields; numbers must be plain decimal numerals.
 */
export function csvRowToBody(cells: Record<string, string>): CsvRow {
  const errors: FieldError[] = [];
  const body: Record<string, unknown> = {};
  const text = (c: string) => (cells[c] ?? '').trim();
  const number = (c: string): number | undefined => {
    const t = text(c);
    if (t === '') return undefined;
    if (!/^-?\d+(\.\d+)?$/.test(t)) {
      errors.push({ field: c, message: 'must be a number' });
      return undefined;
    }
    return Number(t);
  };
  for (const c of ['type', 'force', 'occurredAt', 'lineId', 'taskingId', 'note', 'action']) {
    if (text(c) !== '') body[c] = c === 'note' ? (cells[c] ?? '') : text(c);
  }
  for (const c of INTEGER_COLUMNS) {
    // DDTRO figures take `true`/`false` as the JSON body does (spreadsheets write TRUE/FALSE).
    const flag = DDTRO_COLUMNS.includes(c) ? text(c).toLowerCase() : '';
    const n = flag === 'true' || flag === 'false' ? flag === 'true' : number(c);
    if (n !== undefined) body[c] = n;
  }
  const drugs = DRUGS.map((drug) => ({
    drug,
    grams: number(`${drug}_grams`),
    plants: number(`${drug}_plants`),
    valuePence: number(`${drug}_value_pence`),
  })).filter((d) => d.grams !== undefined || d.plants !== undefined || d.valuePence !== undefined);
  if (drugs.length)
    body.drugs = drugs.map((d) =>
      Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)),
    );
  const weapons = Object.fromEntries(
    WEAPONS.map((w) => [w, number(`weapons_${w}`)]).filter(([, v]) => v !== undefined),
  );
  if (Object.keys(weapons).length) body.weapons = weapons;
  const key = text('idempotencyKey') || undefined;
  return { key, body, errors };
}

const DRUG_SUFFIX = { grams: 'grams', plants: 'plants', valuePence: 'value_pence' } as const;

/** A body's field path in CSV column terms (`drugs.0.grams` → `crack_grams`), so errors name the column to fix. */
export function csvColumnOf(field: string, body: Record<string, unknown>): string {
  const drug = field.match(/^drugs\.(\d+)\.(grams|plants|valuePence)$/);
  if (drug) {
    const name = (body.drugs as { drug: string }[] | undefined)?.[Number(drug[1])]?.drug;
    return name ? `${name}_${DRUG_SUFFIX[drug[2] as keyof typeof DRUG_SUFFIX]}` : field;
  }
  const weapon = field.match(/^weapons\.(\w+)$/);
  return weapon ? `weapons_${weapon[1]}` : field;
}

/**
 * An outcome as one row of the CSV return's columns (the inverse of `csvRowToBody`): exports
 * can be read by the same tools that write returns. Entries of one drug are summed.
 */
export function outcomeToCsvCells(o: Outcome): Record<string, string | number> {
  const cells: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k !== 'drugs' && k !== 'weapons' && (typeof v === 'string' || typeof v === 'number'))
      cells[k] = v;
  }
  if (o.type === 'seizure') {
    for (const d of o.drugs) {
      const add = (column: string, n: number) =>
        (cells[column] = Math.round((Number(cells[column] ?? 0) + n) * 1000) / 1000);
      add(`${d.drug}_grams`, d.grams);
      add(`${d.drug}_plants`, d.plants);
      add(`${d.drug}_value_pence`, d.valuePence);
    }
    for (const w of WEAPONS) cells[`weapons_${w}`] = o.weapons[w];
  }
  return cells;
}
