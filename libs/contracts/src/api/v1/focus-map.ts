import { Tally } from './tally';

export interface FocusMapForce {
  activeLinesExporting: number;
  activeLinesImporting: number;
  focusLinesTouching: number;
  focusForce: boolean;
  outcomes: Tally;
}

/** `GET /api/v1/operations/{id}/focus-map`: every force (43 + BTP) present. */
export interface FocusMap {
  operationId: string;
  asOf: string;
  focusLines: string[];
  forces: Record<string, FocusMapForce>;
}
