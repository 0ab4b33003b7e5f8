import { BaselineFigure } from './baseline';
import { addIsoWeeks, isoWeekOf } from './iso-week';

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

/** What projections answer the gateway: the windows used, the weeks skipped, every force. */
export interface GamingCheckAnswer extends GamingCheckWindows {
  skipped: string[];
  forces: GamingCheckForce[];
}

/** `GET /api/v1/operations/{id}/gaming-check`. */
export interface GamingCheck {
  operationId: string;
  /** The ISO week the intensification week starts in. */
  isoWeek: string;
  recentWeeks: { from: string; to: string };
  baselineWeeks: { from: string; to: string };
  /** Weeks inside the windows' reach left out because another intensification week touched them. */
  skippedWeeks: string[];
  rule: {
    dropAtLeastPercent: number;
    minRecentWeeksReported: number;
    minBaselineWeeksReported: number;
    minBaselineMean: Record<string, number>;
  };
  /** Forces in the caller's scope, flagged first. */
  forces: GamingCheckForce[];
}

/** The two windows of the check, oldest first. */
export interface GamingCheckWindows {
  recent: string[];
  baseline: string[];
}

/**
 * The weeks judged for a week starting in `isoWeek`, oldest first: the four before it and the
 * twelve before those, counted over business-as-usual weeks only. `skip` holds the weeks of
 * other intensification weeks: their figures are that week's outcomes, not a baseline (reporting
 * refuses baselines for them), so the windows reach back past them instead of counting a gap.
 */
export function gamingCheckWeeks(
  isoWeek: string,
  skip: ReadonlySet<string> = new Set(),
): GamingCheckWindows {
  const wanted = GAMING_CHECK_RULE.recentWeeks + GAMING_CHECK_RULE.baselineWeeks;
  const newestFirst: string[] = [];
  for (let n = 1; newestFirst.length < wanted; n++) {
    const week = addIsoWeeks(isoWeek, -n);
    if (!skip.has(week)) newestFirst.push(week);
  }
  const weeks = newestFirst.reverse();
  return {
    recent: weeks.slice(GAMING_CHECK_RULE.baselineWeeks),
    baseline: weeks.slice(0, GAMING_CHECK_RULE.baselineWeeks),
  };
}

/** The ISO weeks an intensification week touches: a baseline for any of them is refused. */
export function isoWeeksTouched(startsAt: Date, endsAt: Date): string[] {
  const weeks = [isoWeekOf(startsAt)];
  const last = isoWeekOf(new Date(endsAt.getTime() - 1));
  while (weeks[weeks.length - 1] < last) weeks.push(addIsoWeeks(weeks[weeks.length - 1], 1));
  return weeks;
}
