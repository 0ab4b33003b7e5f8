import { Drug, LineAction, OutcomeType } from './outcome.schema';

interface OutcomeCommon {
  type: OutcomeType;
  force: string;
  occurredAt: string;
  lineId?: string;
  taskingId?: string;
  note?: string;
}

export interface ArrestOutcome extends OutcomeCommon {
  type: 'arrest';
  count: number;
  under18: number;
  charged: number;
}

export interface DrugSeizure {
  drug: Drug;
  grams: number;
  plants: number;
  valuePence: number;
}

export interface SeizureOutcome extends OutcomeCommon {
  type: 'seizure';
  cashPence: number;
  phones: number;
  drugs: DrugSeizure[];
  weapons: { firearm: number; bladed: number; other: number };
}

export interface SafeguardingOutcome extends OutcomeCommon {
  type: 'safeguarding';
  children: number;
  adults: number;
  nrmReferrals: number;
  cuckooedAddressesVisited: number;
}

export interface LineOutcome extends OutcomeCommon {
  type: 'line';
  action: LineAction;
  ddtroApplied: number;
  ddtroGranted: number;
}

/** An outcome as stored and published: every optional figure filled with its default. */
export type Outcome = ArrestOutcome | SeizureOutcome | SafeguardingOutcome | LineOutcome;
