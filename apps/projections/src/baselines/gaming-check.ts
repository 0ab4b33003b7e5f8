import {
  BASELINE_FIGURE_LABELS,
  BASELINE_FIGURES,
  BaselineFigure,
  BaselineFigures,
  GAMING_CHECK_RULE as RULE,
  GamingCheckFigure,
  GamingCheckForce,
  gamingCheckWeeks,
  GamingCheckWindows,
} from '@intensify/contracts';

const minimumMean = (f: BaselineFigure): number =>
  RULE.minBaselineMean[f] ?? RULE.minBaselineMean.default!;

/**
 * One force's check: per figure, the mean of the reported recent weeks against the mean of the
 * reported baseline weeks (a week not reported is unknown, not zero). Too few weeks reported
 * and nothing is judged; a figure whose baseline is too small to judge is skipped.
 */
export function checkForce(
  force: string,
  isoWeek: string,
  weeks: Map<string, BaselineFigures>,
  { recent, baseline }: GamingCheckWindows = gamingCheckWeeks(isoWeek),
): GamingCheckForce {
  const recentFigures = recent.flatMap((w) => weeks.get(w) ?? []);
  const baselineFigures = baseline.flatMap((w) => weeks.get(w) ?? []);
  const result: GamingCheckForce = {
    force,
    status: 'insufficient-history',
    recentWeeksReported: recentFigures.length,
    baselineWeeksReported: baselineFigures.length,
    figures: [],
    findings: [],
  };
  if (
    recentFigures.length < RULE.minRecentWeeksReported ||
    baselineFigures.length < RULE.minBaselineWeeksReported
  )
    return result;
  const mean = (rows: BaselineFigures[], f: BaselineFigure) =>
    rows.reduce((sum, r) => sum + r[f], 0) / rows.length;
  result.figures = BASELINE_FIGURES.map((figure): GamingCheckFigure => {
    const recentMean = mean(recentFigures, figure);
    const baselineMean = mean(baselineFigures, figure);
    const dropPercent =
      baselineMean > 0
        ? Math.round(((baselineMean - recentMean) / baselineMean) * 1000) / 10
        : null;
    const tooSmall = baselineMean < minimumMean(figure);
    return {
      figure,
      recentMean: round2(recentMean),
      baselineMean: round2(baselineMean),
      dropPercent,
      flagged: !tooSmall && dropPercent !== null && dropPercent >= RULE.dropAtLeastPercent,
      ...(tooSmall && { skipped: 'baseline-too-small' as const }),
    };
  });
  const flagged = result.figures.filter((f) => f.flagged);
  result.status = flagged.length ? 'flagged' : 'ok';
  result.findings = flagged.map(
    (f) =>
      `reported ${Math.round(f.dropPercent!)}% fewer ${BASELINE_FIGURE_LABELS[f.figure]} than its baseline in the four weeks before`,
  );
  return result;
}

/** Flagged forces first (largest drop first), then the rest by code. */
export function byConcern(a: GamingCheckForce, b: GamingCheckForce): number {
  const worst = (f: GamingCheckForce) =>
    Math.max(-Infinity, ...f.figures.filter((x) => x.flagged).map((x) => x.dropPercent!));
  const rank = (f: GamingCheckForce) => (f.status === 'flagged' ? 0 : f.status === 'ok' ? 1 : 2);
  return rank(a) - rank(b) || worst(b) - worst(a) || a.force.localeCompare(b.force);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
