import { Tally } from './tally';

export interface FocusMapForce {
  activeLinesExporting: number;
  activeLinesImporting: number;
  focusLinesTouching: number;
  focusForce: boolean;
  outcomes: Tally;
  /** Hand-offs of the week still raised past their deadline, whose home force this is. */
  handoffsOverdue: number;
}

/** A force beyond the caller's read scope: whether it is a focus force, no figures. */
export type WithheldFocusMapForce = Pick<FocusMapForce, 'focusForce'>;

/**
 * `GET /api/v1/operations/{id}/focus-map`: every force (43 + BTP) present; the figures of
 * forces beyond the caller's read scope withheld.
 */
export interface FocusMap {
  operationId: string;
  asOf: string;
  focusLines: string[];
  forces: Record<string, FocusMapForce | WithheldFocusMapForce>;
}
