import { COMPARISON_MEASURES, ComparisonFigures } from '@intensify/contracts';
import { TallyVector } from '../board-tallies/tally-vector';
import { columnVectors } from '../read-models/column-vector';

export const comparisonVectors = columnVectors(COMPARISON_MEASURES);

/** The headline measures of a tally, as the national releases count them. */
export function comparisonFigures(v: TallyVector): ComparisonFigures {
  return {
    arrests: v.arrests,
    safeguarded: v.safeguarded_children + v.safeguarded_adults,
    cashPence: v.cash_pence,
    weapons: v.weapons_firearm + v.weapons_bladed + v.weapons_other,
    linesClosed: v.lines_closed_type1 + v.lines_closed_type2,
  };
}
