import {
  Board,
  DRUGS,
  emptyTally,
  emptyTaskingCounts,
  Tally,
  TaskingCounts,
} from '@intensify/contracts';
import { FORCES } from '@intensify/reference-data';

/** A tally as flat named columns, in a fixed order; drugs and weapons as in CSV returns. */
function tallyCells(t: Tally): [string, number][] {
  return [
    ['arrests', t.arrests],
    ['arrestsUnder18', t.arrestsUnder18],
    ['charged', t.charged],
    ['safeguardedChildren', t.safeguardedChildren],
    ['safeguardedAdults', t.safeguardedAdults],
    ['nrmReferrals', t.nrmReferrals],
    ['cuckooedAddressesVisited', t.cuckooedAddressesVisited],
    ['cashPence', t.cashPence],
    ['phones', t.phones],
    ...DRUGS.flatMap((d): [string, number][] => [
      [`${d}_grams`, t.drugs[d].grams],
      [`${d}_plants`, t.drugs[d].plants],
      [`${d}_value_pence`, t.drugs[d].valuePence],
    ]),
    ...Object.entries(t.weapons).map(([w, n]): [string, number] => [`weapons_${w}`, n]),
    ...Object.entries(t.lines).map(([l, n]): [string, number] => [`lines_${l}`, n]),
  ];
}

function taskingCells(c: TaskingCounts): [string, number][] {
  return Object.entries(c).map(([k, n]): [string, number] => [`taskings_${k}`, n]);
}

/** The board's force table as CSV rows (header first): the forces the caller may see. */
export function forceTableRows(board: Board): unknown[][] {
  const forces = FORCES.filter((f) => board.forces[f.code]);
  const cells = (t: Tally, c: TaskingCounts) => [...tallyCells(t), ...taskingCells(c)];
  const names = cells(emptyTally(), emptyTaskingCounts()).map(([k]) => k);
  return [
    ['force', 'name', 'region', ...names],
    ...forces.map((f) => [
      f.code,
      f.name,
      f.region ?? '',
      ...cells(board.forces[f.code], board.taskingsByForce[f.code]).map(([, v]) => v),
    ]),
  ];
}
