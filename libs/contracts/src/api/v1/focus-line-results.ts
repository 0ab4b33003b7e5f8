import { ClosureType, LineStatus } from './line';
import { OutcomeType } from './outcome.schema';
import { TaskingStatus } from './tasking';

/** A line's place on the register at one moment. */
export interface LineStatusAt {
  status: LineStatus;
  closureType: ClosureType | null;
}

export interface FocusLineTaskings {
  total: number;
  byStatus: Record<TaskingStatus, number>;
  /** Open and past due. */
  overdue: number;
  /** The taskings of forces within the caller's read scope. */
  items: { id: string; force: string; status: TaskingStatus; overdue: boolean }[];
}

/** The week's outcomes linked to a line (latest versions; retracted ones left out). */
export interface FocusLineOutcomes {
  count: number;
  byType: Record<OutcomeType, number>;
  byAction: { identified: number; disrupted: number; closedType1: number; closedType2: number };
  ddtroApplied: number;
  ddtroGranted: number;
}

/** Orders on the line's numbers dated within the week, from the register's own events. */
export interface FocusLineDdtros {
  applied: number;
  granted: number;
  providerActioned: number;
}

/**
 * The other lines run by the line's holders (sharing at least one holder), as the register
 * holds them now; only line ids and counts, never the holders.
 */
export interface FocusLineHolders {
  count: number;
  otherLines: number;
  otherLinesDisrupted: number;
  otherLinesClosed: number;
}

export interface FocusLineResult {
  lineId: string;
  exportingForce: string;
  importingForces: string[];
  /** True when no force of the line is within the caller's read scope: the rest is left out. */
  withheld: boolean;
  brand?: string;
  /** At the week's `startsAt`; null when the line was not yet on the register. */
  statusAtStart?: LineStatusAt | null;
  statusNow?: LineStatusAt | null;
  /** Not closed at the start, closed on the register by the week's end. */
  closedDuringWeek?: boolean;
  /** A live `disrupted` or `closed-*` outcome in the week, or closed during the week. */
  disrupted?: boolean;
  /** A live `closed-*` outcome in the week, or closed during the week. */
  closed?: boolean;
  taskings?: FocusLineTaskings;
  outcomes?: FocusLineOutcomes;
  ddtros?: FocusLineDdtros;
  /** Numbers cut off by their provider under an order, within the week. */
  numbersCutOff?: number;
  holders?: FocusLineHolders;
}

/** A force's part in disrupting the focus lines and their holders' other lines. */
export interface FocusForceScore {
  force: string;
  focusLinesDisrupted: number;
  focusLinesClosed: number;
  holderLinesDisrupted: number;
  score: number;
}

export interface FocusLineTotals {
  focusLines: number;
  disrupted: number;
  /** By a `closed-*` outcome or on the register during the week. */
  closed: number;
  closedDuringWeek: number;
  taskings: number;
  taskingsCompleted: number;
  outcomes: number;
  numbersCutOff: number;
  holderLines: number;
  holderLinesDisrupted: number;
  holderLinesClosed: number;
}

/** Points per line a force's outcomes reached; the ranking's `score` is their sum. */
export const FOCUS_SCORE_WEIGHTS = {
  focusLineDisrupted: 2,
  focusLineClosed: 1,
  holderLineDisrupted: 1,
} as const;

/** `GET /api/v1/operations/{id}/focus-lines/results`. */
export interface FocusLineResults {
  operationId: string;
  asOf: string;
  startsAt: string | null;
  endsAt: string | null;
  focusLines: FocusLineResult[];
  /** Over every focus line, whatever the caller's scope (as the board's national figures). */
  totals: FocusLineTotals;
  /** Forces with any disruption, best first (ties by code); scoped callers see their forces. */
  forces: FocusForceScore[];
}

/** Which other lines share a holder with each focus line (intelligence → gateway → projections). */
export interface FocusNetwork {
  operationId: string;
  lines: { lineId: string; holderCount: number; otherLineIds: string[] }[];
}
