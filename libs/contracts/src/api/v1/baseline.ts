import { Actor } from '../../events/envelope';
import { FieldError, Validated, checkSchema } from '../../validation';
import { ISO_WEEK_PATTERN, isoWeekStart } from './iso-week';
import { LIMITS } from './outcome.schema';

/**
 * A force's business-as-usual figures for one ISO week outside intensification weeks: the
 * same measures a week's outcomes tally, as whole-week totals. Money in pence, drugs in whole
 * grams (all drug types together), weapons of every kind together.
 */
export const BASELINE_FIGURES = [
  'arrests',
  'arrestsUnder18',
  'charged',
  'cashPence',
  'drugsGrams',
  'weapons',
  'phones',
  'safeguardedChildren',
  'safeguardedAdults',
  'nrmReferrals',
  'cuckooedAddressesVisited',
  'linesIdentified',
  'linesDisrupted',
  'linesClosed',
  'ddtroApplied',
  'ddtroGranted',
] as const;
export type BaselineFigure = (typeof BASELINE_FIGURES)[number];
export type BaselineFigures = Record<BaselineFigure, number>;

/** How the figures read in a sentence: "45% fewer arrests". */
export const BASELINE_FIGURE_LABELS: Record<BaselineFigure, string> = {
  arrests: 'arrests',
  arrestsUnder18: 'arrests of under-18s',
  charged: 'people charged',
  cashPence: 'cash seized',
  drugsGrams: 'drugs seized (grams)',
  weapons: 'weapons seized',
  phones: 'phones seized',
  safeguardedChildren: 'children safeguarded',
  safeguardedAdults: 'adults safeguarded',
  nrmReferrals: 'NRM referrals',
  cuckooedAddressesVisited: 'cuckooed addresses visited',
  linesIdentified: 'lines identified',
  linesDisrupted: 'lines disrupted',
  linesClosed: 'lines closed',
  ddtroApplied: 'DDTROs applied for',
  ddtroGranted: 'DDTROs granted',
};

const count = { type: 'integer', minimum: 0, maximum: LIMITS.count } as const;
const MAXIMUM: Partial<Record<BaselineFigure, number>> = {
  cashPence: LIMITS.pence,
  drugsGrams: LIMITS.grams,
};

/**
 * The body of `PUT /api/v1/forces/{force}/baselines/{isoWeek}`: figures left out are 0, so `{}`
 * is a week with nothing to report.
 */
export const BASELINE_FIGURES_SCHEMA = {
  $id: 'baseline-figures.v1',
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    BASELINE_FIGURES.map((f) => [f, { ...count, maximum: MAXIMUM[f] ?? LIMITS.count }]),
  ),
} as const;

export function zeroBaselineFigures(): BaselineFigures {
  return Object.fromEntries(BASELINE_FIGURES.map((f) => [f, 0])) as BaselineFigures;
}

/** Checks the figures (every bad one named) and fills in zeros for those left out. */
export function validateBaselineFigures(body: unknown): Validated<BaselineFigures> {
  const errors: FieldError[] = checkSchema(BASELINE_FIGURES_SCHEMA, body);
  if (errors.length) return { ok: false, errors };
  const figures = { ...zeroBaselineFigures(), ...(body as Partial<BaselineFigures>) };
  for (const part of ['arrestsUnder18', 'charged'] as const)
    if (figures[part] > figures.arrests)
      errors.push({ field: part, message: 'must not be more than arrests' });
  if (figures.ddtroGranted > figures.ddtroApplied)
    errors.push({ field: 'ddtroGranted', message: 'must not be more than ddtroApplied' });
  return errors.length ? { ok: false, errors } : { ok: true, value: figures };
}

export function isoWeekErrors(week: string | undefined, field = 'isoWeek'): FieldError[] {
  if (week === undefined || week === '') return [{ field, message: 'is required' }];
  return isoWeekStart(week)
    ? []
    : [{ field, message: 'must be an ISO week that exists, such as 2026-W14' }];
}

export const ISO_WEEK_SCHEMA = { type: 'string', pattern: ISO_WEEK_PATTERN } as const;

/** One force's figures for one week, at its latest version. */
export interface Baseline {
  force: string;
  isoWeek: string;
  /** 1 for the first report; each replacement with other figures adds one. */
  version: number;
  figures: BaselineFigures;
  reportedAt: string;
  reportedBy: Pick<Actor, 'sub' | 'role'>;
}

/** `GET /api/v1/forces/{force}/baselines?from=&to=`: the force's weeks, oldest first. */
export interface BaselineList {
  force: string;
  from: string;
  to: string;
  items: Baseline[];
}

export const BASELINE_LIST_QUERY_SCHEMA = {
  $id: 'baseline-list-query.v1',
  type: 'object',
  additionalProperties: false,
  properties: { from: ISO_WEEK_SCHEMA, to: ISO_WEEK_SCHEMA },
} as const;

/** At most this many weeks in one list (two years and a bit). */
export const BASELINE_LIST_MAX_WEEKS = 120;
