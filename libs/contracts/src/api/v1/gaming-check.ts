import { BaselineFigure } from './baseline';
import { addIsoWeeks } from './iso-week';

/**
 * The gaming check: a force's activity in the four ISO weeks before an intensification week
 * against its own baseline, the twelve weeks before those. A dip of at least
 * `dropAtLeastPercent` on a figure whose baseline is large enough to mean something is flagged:
 * it may be activity held back to make the week look better. See README, "Gaming check".
 */
export const GAMING_CHECK_RULE = {
  recentWeeks: 4,
  baselineWeeks: 12,
  /** Recent mean at least this far below the baseline mean. */
  dropAtLeastPercent: 30,
  /** Weeks that must have been reported for a comparison to be made at all. */
  minRecentWeeksReported: 4,
  minBaselineWeeksReported: 8,
  /** Baseline weekly mean below which a figure is too small to judge (10 arrests a week). */
  minBaselineMean: { default: 10, cashPence: 500_000, drugsGrams: 500 } as Partial<
    Record<BaselineFigure | 'default', number>
  >,
} as const;

export type GamingCheckStatus = 'flagged' | 'ok' | 'insufficient-history';

/** One figure of one force: the two means and how far the recent one fell below. */
export interface GamingCheckFigure {
  figure: BaselineFigure;
  recentMean: number;
  baselineMean: number;
  /** (baseline − recent) / baseline × 100, one decimal; negative when activity rose; null without a baseline. */
  dropPercent: number | null;
  flagged: boolean;
  /** Why the figure was not judged, when it was not. */
  skipped?: 'baseline-too-small';
}

export interface GamingCheckForce {
  force: string;
  status: GamingCheckStatus;
  recentWeeksReported: number;
  baselineWeeksReported: number;
  figures: GamingCheckFigure[];
  /** One sentence per flagged figure: "reported 45% fewer arrests than its baseline in the four weeks before". */
  findings: string[];
}

/** `GET /api/v1/operations/{id}/gaming-check`. */
export interface GamingCheck {
  operationId: string;
  /** The ISO week the intensification week starts in. */
  isoWeek: string;
  recentWeeks: { from: string; to: string };
  baselineWeeks: { from: string; to: string };
  rule: {
    dropAtLeastPercent: number;
    minRecentWeeksReported: number;
    minBaselineWeeksReported: number;
    minBaselineMean: Record<string, number>;
  };
  /** Forces in the caller's scope, flagged first. */
  forces: GamingCheckForce[];
}

/** The weeks judged for a week starting in `isoWeek`, oldest first: the four before it and the twelve before those. */
export function gamingCheckWeeks(isoWeek: string): { recent: string[]; baseline: string[] } {
  const span = (nearest: number, count: number) =>
    Array.from({ length: count }, (_, i) => addIsoWeeks(isoWeek, -(nearest + count - 1 - i)));
  return {
    recent: span(1, GAMING_CHECK_RULE.recentWeeks),
    baseline: span(GAMING_CHECK_RULE.recentWeeks + 1, GAMING_CHECK_RULE.baselineWeeks),
  };
}
