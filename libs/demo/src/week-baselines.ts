import {
  BASELINE_FIGURES,
  BaselineFigure,
  BaselineFigures,
  gamingCheckWeeks,
  ImportResult,
} from '@intensify/contracts';
import { BTP, FORCE_CODES } from '@intensify/reference-data';
import { DemoClient, Identity } from './demo-client';
import { activityWeight } from './force-weights';
import { Random } from './random';
import { PlannedOutcome, planWeekOutcomes } from './week-outcomes';

/** Business as usual against an intensification week: forces do about this share of it. */
const USUAL_SHARE = 0.6;
/**
 * Week-to-week noise, at most this share either way. Bounded, so a force that holds nothing
 * back never dips 30% (the gaming check's rule) even on a figure of 10 a week, rounding and all.
 */
const NOISE = 0.1;
/** A deferring force does this share of its usual in the four weeks before the week. */
const DEFERRED_SHARE = 0.45;

export interface PlannedBaselines {
  /** Every force's sixteen weeks, oldest first, as one `POST /api/v1/baselines/import`. */
  csv: string;
  weeks: string[];
  rows: number;
  /** The forces that hold activity back in the four weeks before: the gaming check's flags. */
  deferringForces: string[];
}

/**
 * Sixteen business-as-usual weeks of figures for every force before the ISO week the
 * intensification week starts in, scaled from the demo's own published weekly rates by each
 * force's share of activity, with bounded noise. One or two large forces defer: their last four
 * weeks fall to under half, far enough that the check flags them on every figure big enough to
 * judge, and no other force dips far enough to be flagged.
 */
export function planBaselines(
  random: Random,
  isoWeek: string,
  /** Weeks of intensification weeks already planned: skipped, as the check skips them. */
  skip: ReadonlySet<string> = new Set(),
): PlannedBaselines {
  const { recent, baseline } = gamingCheckWeeks(isoWeek, skip);
  const weeks = [...baseline, ...recent];
  const national = nationalWeekFigures();
  const totalWeight = FORCE_CODES.reduce((n, f) => n + activityWeight(f), 0);
  const large = FORCE_CODES.filter((f) => f !== BTP && activityWeight(f) >= 2);
  const deferringForces: string[] = [];
  for (let n = random.int(1, 2); deferringForces.length < n;) {
    const force = random.pick(large);
    if (!deferringForces.includes(force)) deferringForces.push(force);
  }
  const rows: string[] = [];
  for (const force of FORCE_CODES) {
    const share = (USUAL_SHARE * activityWeight(force)) / totalWeight;
    for (const week of weeks) {
      const held = deferringForces.includes(force) && recent.includes(week) ? DEFERRED_SHARE : 1;
      const figures = {} as BaselineFigures;
      for (const f of BASELINE_FIGURES)
        figures[f] = Math.round(national[f] * share * held * (1 + (random.next() * 2 - 1) * NOISE));
      // Parts never exceed their whole.
      figures.arrestsUnder18 = Math.min(figures.arrestsUnder18, figures.arrests);
      figures.charged = Math.min(figures.charged, figures.arrests);
      figures.ddtroGranted = Math.min(figures.ddtroGranted, figures.ddtroApplied);
      rows.push([force, week, ...BASELINE_FIGURES.map((f) => figures[f])].join(','));
    }
  }
  return {
    csv: [['force', 'isoWeek', ...BASELINE_FIGURES].join(','), ...rows].join('\n') + '\n',
    weeks,
    rows: rows.length,
    deferringForces: deferringForces.sort(),
  };
}

/** The NCLCC loads every force's weeks in one import; the same file again changes nothing. */
export function loadBaselines(
  client: DemoClient,
  nclcc: Identity,
  planned: PlannedBaselines,
): Promise<ImportResult> {
  return client.as<ImportResult>(nclcc, 'POST', '/api/v1/baselines/import', { csv: planned.csv });
}

let national: BaselineFigures | undefined;

/** A demo week's national figures at scale 1, averaged over ten planned weeks. */
export function nationalWeekFigures(): BaselineFigures {
  if (national) return national;
  const weeks = 10;
  const sum = baselineFiguresOf(planWeekOutcomes(new Random(1), weeks));
  national = Object.fromEntries(
    BASELINE_FIGURES.map((f) => [f, sum[f] / weeks]),
  ) as BaselineFigures;
  return national;
}

/** Outcomes summed as baseline figures (whole-week totals, every drug and weapon together). */
export function baselineFiguresOf(outcomes: readonly PlannedOutcome[]): BaselineFigures {
  const sum = Object.fromEntries(BASELINE_FIGURES.map((f) => [f, 0])) as BaselineFigures;
  const add = (f: BaselineFigure, n: unknown) => (sum[f] += Number(n ?? 0));
  for (const { body: b } of outcomes) {
    if (b.type === 'arrest') {
      add('arrests', b.count);
      add('arrestsUnder18', b.under18);
      add('charged', b.charged);
    } else if (b.type === 'seizure') {
      add('cashPence', b.cashPence);
      add('phones', b.phones);
      for (const d of b.drugs as { grams?: number }[]) add('drugsGrams', d.grams);
      for (const n of Object.values(b.weapons as Record<string, number>)) add('weapons', n);
    } else if (b.type === 'safeguarding') {
      add('safeguardedChildren', b.children);
      add('safeguardedAdults', b.adults);
      add('nrmReferrals', b.nrmReferrals);
      add('cuckooedAddressesVisited', b.cuckooedAddressesVisited);
    } else {
      const action = String(b.action);
      if (action === 'identified') add('linesIdentified', 1);
      if (action === 'disrupted') add('linesDisrupted', 1);
      if (action.startsWith('closed-')) add('linesClosed', 1);
      add('ddtroApplied', b.ddtroApplied);
      add('ddtroGranted', b.ddtroGranted);
    }
  }
  return sum;
}
