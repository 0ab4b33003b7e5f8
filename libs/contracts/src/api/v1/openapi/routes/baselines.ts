import {
  BASELINE_FIGURES,
  BASELINE_FIGURES_SCHEMA,
  BASELINE_LIST_MAX_WEEKS,
  ISO_WEEK_SCHEMA,
} from '../../baseline';
import {
  BASELINE_CSV_COLUMNS,
  BASELINE_CSV_LIMITS,
  BASELINE_CSV_REQUIRED_COLUMNS,
} from '../../baseline-csv';
import { GAMING_CHECK_RULE } from '../../gaming-check';
import { COMPARISON_MEASURES } from '../../week-comparison';
import { csvImport, notFound, ok, problem, query } from '../answers';
import { ApiRoute, Parameter } from '../route';
import { onId, routesOf } from '../route-builders';
import { array, enumOf, forceCode, mapOf, nullable, object, ref } from '../schema-builders';
import { bool, dateTime, int, str, uuid } from '../schema-scalars';

const isoWeek = { ...ISO_WEEK_SCHEMA, description: 'ISO 8601 week, such as `2026-W14`' };
const number = { type: 'number' };
const figures = object(Object.fromEntries(BASELINE_FIGURES.map((f) => [f, int])), {
  closed: true,
});
const measures = object(Object.fromEntries(COMPARISON_MEASURES.map((m) => [m, int])), {
  closed: true,
});
const weekSpan = object({ from: isoWeek, to: isoWeek });

export const BASELINE_SCHEMAS: Record<string, object> = {
  Baseline: object({
    force: forceCode,
    isoWeek,
    version: { type: 'integer', minimum: 1 },
    figures,
    reportedAt: dateTime,
    reportedBy: object({ sub: str, role: str }),
  }),
  BaselineList: object({
    force: forceCode,
    from: isoWeek,
    to: isoWeek,
    items: array(ref('Baseline')),
  }),
  GamingCheck: object({
    operationId: uuid,
    isoWeek,
    recentWeeks: weekSpan,
    baselineWeeks: weekSpan,
    skippedWeeks: array(isoWeek),
    rule: object({
      dropAtLeastPercent: number,
      minRecentWeeksReported: int,
      minBaselineWeeksReported: int,
      minBaselineMean: mapOf(number, 'By figure; `default` for the rest'),
    }),
    forces: array(
      object({
        force: forceCode,
        status: enumOf(['flagged', 'ok', 'insufficient-history']),
        recentWeeksReported: int,
        baselineWeeksReported: int,
        figures: array(
          object(
            {
              figure: enumOf(BASELINE_FIGURES),
              recentMean: number,
              baselineMean: number,
              dropPercent: nullable(number),
              flagged: bool,
              skipped: enumOf(['baseline-too-small']),
            },
            { optional: ['skipped'] },
          ),
        ),
        findings: array(str),
      }),
    ),
  }),
  ComparedWeek: object({
    operationId: uuid,
    name: str,
    startsAt: dateTime,
    endsAt: dateTime,
    national: measures,
    regions: mapOf(measures, 'By region code, within the caller’s read scope'),
    forces: mapOf(measures, 'By force code, within the caller’s read scope'),
  }),
  WeekComparison: object({
    operationId: uuid,
    basis: enumOf(['same-hours', 'whole-weeks']),
    hoursIntoWeek: nullable(int),
    thisWeek: ref('ComparedWeek'),
    earlierWeeks: array(ref('ComparedWeek')),
    published: array(
      object({
        week: str,
        startsOn: str,
        endsOn: str,
        arrests: int,
        safeguarded: nullable(int),
        safeguardedAs: nullable(
          enumOf(['children and adults', 'engaged', 'referred', 'approximate']),
        ),
        cashPence: nullable(int),
        weapons: int,
        linesClosed: nullable(int),
      }),
    ),
  }),
};

const { get, post, put } = routesOf('baselines');
const noOperation = notFound('operation');
const forceParam: Parameter = { name: 'force', in: 'path', required: true, schema: forceCode };

const CSV = csvImport(
  BASELINE_CSV_LIMITS,
  { required: BASELINE_CSV_REQUIRED_COLUMNS, all: BASELINE_CSV_COLUMNS },
  'One force-week per row. ',
);
const IMPORT_DESCRIPTION = [
  ...CSV.rules,
  'Figures are whole numbers; a blank cell or a column left out is 0. A row replaces that force-week (a new version, `accepted`); the same figures again change nothing (`duplicates`), so uploading a file twice changes nothing.',
  'Good rows are stored even when others are rejected; each rejected row is listed with its row number and every bad column: a week that does not exist, one overlapping an intensification week, a force outside your scope.',
].join(' ');

export const BASELINE_ROUTES: ApiRoute[] = [
  put(
    '/api/v1/forces/{force}/baselines/{isoWeek}',
    'Report a force’s business-as-usual figures for one ISO week outside intensification weeks',
    {
      description:
        'The same measures a week’s outcomes tally, as whole-week totals; figures left out are 0. 201 for the first report of the force-week; 200 for a replacement with other figures (a new `version`, counted once) or the same figures again (nothing changes). A week overlapping an intensification week is refused (409 `conflict`, field `isoWeek`). nclcc for any force, regional for its region’s forces, force for itself.',
      params: [forceParam, { name: 'isoWeek', in: 'path', required: true, schema: isoWeek }],
      body: { schema: BASELINE_FIGURES_SCHEMA, name: 'BaselineFigures' },
      responses: {
        201: ok(ref('Baseline'), 'First figures for the force-week'),
        200: ok(ref('Baseline'), 'A replacement (new version) or the same figures again'),
        409: problem('`conflict`: the week overlaps an intensification week', ['conflict']),
      },
    },
  ),
  get('/api/v1/forces/{force}/baselines', 'A force’s weekly baselines, oldest first', {
    description: `Latest version of each reported week from \`from\` to \`to\` (both included; by default the sixteen weeks up to the current one; at most ${BASELINE_LIST_MAX_WEEKS} weeks). Readable within the caller’s read scope, commanders included.`,
    params: [forceParam, query('from', isoWeek), query('to', isoWeek)],
    responses: { 200: ok(ref('BaselineList')) },
  }),
  post('/api/v1/baselines/import', 'Import baselines from a CSV, one force-week per row', {
    description: IMPORT_DESCRIPTION,
    body: CSV.body,
    responses: { 200: ok(ref('ImportResult')), 413: CSV.tooLarge, 415: CSV.notCsv },
  }),
  get(
    '/api/v1/operations/{id}/gaming-check',
    'Per force and figure: the four weeks before the week against the twelve before those; a dip flagged',
    onId(ok(ref('GamingCheck')), noOperation, {
      description: `Means over the weeks reported (a week not reported is unknown, not zero). A figure is flagged when the recent mean is at least ${GAMING_CHECK_RULE.dropAtLeastPercent}% below the baseline mean and the baseline mean is at least the rule’s \`minBaselineMean\`; a force with fewer than ${GAMING_CHECK_RULE.minRecentWeeksReported} recent or ${GAMING_CHECK_RULE.minBaselineWeeksReported} baseline weeks reported is \`insufficient-history\`. Available before the week starts. National roles see every force, others the forces in their read scope. Flagged forces first.`,
    }),
  ),
  get(
    '/api/v1/operations/{id}/comparison',
    'This week against earlier weeks: same hours into the week while open, whole weeks once closed; plus the published national results',
    onId(ok(ref('WeekComparison')), noOperation, {
      description:
        'Measures: arrests, people safeguarded (children + adults), cash (pence), weapons, lines closed (type 1 + 2). While the week is open, every week counts the outcomes of its first `hoursIntoWeek` hours (hours begun since the hour it started in, by `occurredAt`); once closed, whole weeks. Earlier weeks are those that started before this one, newest first. `published` is the NCLCC’s published national series (whole weeks; null where a release gave no comparable figure). Everyone sees national figures; regions and forces within the caller’s read scope.',
    }),
  ),
];
