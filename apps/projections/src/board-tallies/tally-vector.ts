import { DRUGS, Drug, Outcome, Tally, emptyTally } from '@intensify/contracts';
import { ColumnVector, columnVectors } from '../read-models/column-vector';
import { reportedLineDdtros } from '../line-ddtros/line-ddtros';

/**
 * A tally as a flat vector of integer columns, the shape the read model stores. Grams are held
 * as milligrams so sums stay exact; everything adds and subtracts component-wise.
 */
const DRUG_COLUMNS = DRUGS.flatMap(
  (d) => [`drug_${d}_mg`, `drug_${d}_plants`, `drug_${d}_value_pence`] as const,
);

export const TALLY_COLUMNS = [
  'arrests',
  'arrests_under18',
  'charged',
  'safeguarded_children',
  'safeguarded_adults',
  'nrm_referrals',
  'cuckooed_addresses_visited',
  'cash_pence',
  'phones',
  ...DRUG_COLUMNS,
  'weapons_firearm',
  'weapons_bladed',
  'weapons_other',
  'lines_identified',
  'lines_disrupted',
  'lines_closed_type1',
  'lines_closed_type2',
  'lines_ddtro_applied',
  'lines_ddtro_granted',
] as const;

export type TallyColumn = (typeof TALLY_COLUMNS)[number];
export type TallyVector = ColumnVector<TallyColumn>;
export const tallyVectors = columnVectors(TALLY_COLUMNS);
export const { zero: zeroVector, add: addInto, isZero } = tallyVectors;

/**
 * The statement that adds a batch of tally vectors to a table of sums keyed by `keys`: the keys'
 * arrays are `$1…`, then one array per tally column; a row already there has each column added to.
 */
export function addTalliesSql(
  table: string,
  keys: readonly [name: string, type: string][],
): string {
  const names = keys.map(([name]) => name);
  const arrays = [
    ...keys.map(([, type], i) => `$${i + 1}::${type}[]`),
    ...TALLY_COLUMNS.map((_, i) => `$${keys.length + i + 1}::bigint[]`),
  ];
  return `INSERT INTO ${table} (${[...names, ...TALLY_COLUMNS].join(', ')})
  SELECT * FROM unnest(${arrays.join(', ')})
  ON CONFLICT (${names.join(', ')}) DO UPDATE SET ${TALLY_COLUMNS.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`;
}

const LINE_ACTION_COLUMN = {
  identified: 'lines_identified',
  disrupted: 'lines_disrupted',
  'closed-type1': 'lines_closed_type1',
  'closed-type2': 'lines_closed_type2',
} as const;

/**
 * Adds to `v` (sign 1) or takes from it (−1) what one outcome version contributes, straight into
 * its columns: no vector is made per outcome (a rebuild folds two per correction, millions in all).
 */
export function addOutcome(v: TallyVector, o: Outcome, sign: 1 | -1): void {
  switch (o.type) {
    case 'arrest':
      v.arrests += sign * o.count;
      v.arrests_under18 += sign * o.under18;
      v.charged += sign * o.charged;
      break;
    case 'seizure':
      v.cash_pence += sign * o.cashPence;
      v.phones += sign * o.phones;
      for (const d of o.drugs) {
        const c = DRUG_COLUMN_NAMES[d.drug];
        v[c.mg] += sign * Math.round(d.grams * 1000);
        v[c.plants] += sign * d.plants;
        v[c.valuePence] += sign * d.valuePence;
      }
      v.weapons_firearm += sign * o.weapons.firearm;
      v.weapons_bladed += sign * o.weapons.bladed;
      v.weapons_other += sign * o.weapons.other;
      break;
    case 'safeguarding':
      v.safeguarded_children += sign * o.children;
      v.safeguarded_adults += sign * o.adults;
      v.nrm_referrals += sign * o.nrmReferrals;
      v.cuckooed_addresses_visited += sign * o.cuckooedAddressesVisited;
      break;
    case 'line':
      v[LINE_ACTION_COLUMN[o.action]] += sign;
      // DDTROs on a register line are counted by line-ddtros/, once with the register's own.
      if (!reportedLineDdtros(o)) {
        v.lines_ddtro_applied += sign * o.ddtroApplied;
        v.lines_ddtro_granted += sign * o.ddtroGranted;
      }
      break;
  }
}

/** Each drug's three column names, looked up once instead of built per outcome. */
const DRUG_COLUMN_NAMES = Object.fromEntries(
  DRUGS.map((d) => [
    d,
    {
      mg: `drug_${d}_mg`,
      plants: `drug_${d}_plants`,
      valuePence: `drug_${d}_value_pence`,
    } as { mg: TallyColumn; plants: TallyColumn; valuePence: TallyColumn },
  ]),
) as Record<Drug, { mg: TallyColumn; plants: TallyColumn; valuePence: TallyColumn }>;

/** What one outcome version contributes to its force's tally. */
export function outcomeVector(o: Outcome): TallyVector {
  const v = zeroVector();
  addOutcome(v, o, 1);
  return v;
}

export function toTally(v: TallyVector): Tally {
  const t = emptyTally();
  t.arrests = v.arrests;
  t.arrestsUnder18 = v.arrests_under18;
  t.charged = v.charged;
  t.safeguardedChildren = v.safeguarded_children;
  t.safeguardedAdults = v.safeguarded_adults;
  t.nrmReferrals = v.nrm_referrals;
  t.cuckooedAddressesVisited = v.cuckooed_addresses_visited;
  t.cashPence = v.cash_pence;
  t.phones = v.phones;
  for (const d of DRUGS as readonly Drug[]) {
    t.drugs[d] = {
      grams: v[`drug_${d}_mg`] / 1000,
      plants: v[`drug_${d}_plants`],
      valuePence: v[`drug_${d}_value_pence`],
    };
  }
  t.weapons = { firearm: v.weapons_firearm, bladed: v.weapons_bladed, other: v.weapons_other };
  t.lines = {
    identified: v.lines_identified,
    disrupted: v.lines_disrupted,
    closedType1: v.lines_closed_type1,
    closedType2: v.lines_closed_type2,
    ddtroApplied: v.lines_ddtro_applied,
    ddtroGranted: v.lines_ddtro_granted,
  };
  return t;
}
