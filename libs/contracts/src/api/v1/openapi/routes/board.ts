import { OUTCOME_TYPES } from '../../outcome.schema';
import { eventStream, notFound, ok, query } from '../answers';
import { ApiRoute } from '../route';
import { onId, routesOf } from '../route-builders';
import {
  array,
  enumOf,
  forceCode,
  mapOf,
  nullable,
  object,
  ref,
  regionCode,
} from '../schema-builders';
import { bool, dateTime, int, uuid } from '../schema-scalars';

export const BOARD_SCHEMAS: Record<string, object> = {
  Board: object({
    operationId: uuid,
    status: enumOf(['planned', 'active', 'closed']),
    final: bool,
    asOf: dateTime,
    eventsApplied: int,
    national: ref('Tally'),
    regions: mapOf(ref('Tally'), 'By region code; a scoped user sees its own region only'),
    forces: mapOf(ref('Tally'), 'By force code; a scoped user sees its own region’s forces only'),
    taskings: ref('TaskingCounts'),
    taskingsByRegion: mapOf(ref('TaskingCounts')),
    taskingsByForce: mapOf(ref('TaskingCounts')),
    overdueTaskings: array(ref('OverdueTasking')),
    handoffs: ref('HandoffCounts'),
    handoffsByRegion: mapOf(ref('HandoffCounts'), 'By home region code; scoped like `regions`'),
    handoffsByForce: mapOf(ref('HandoffCounts'), 'By home force code; scoped like `forces`'),
  }),
  BoardTimeline: object({
    operationId: uuid,
    force: nullable(forceCode),
    region: nullable(regionCode),
    hours: {
      ...array(
        object({
          hour: { ...dateTime, description: 'Start of the UTC hour of `occurredAt`' },
          total: int,
          ...Object.fromEntries(OUTCOME_TYPES.map((t) => [t, int])),
        }),
      ),
      description: 'Hours with outcomes, oldest first',
    },
  }),
  FocusMap: object(
    {
      operationId: uuid,
      asOf: dateTime,
      focusLines: array(uuid),
      forces: mapOf({
        oneOf: [
          object(
            {
              activeLinesExporting: int,
              activeLinesImporting: int,
              focusLinesTouching: int,
              focusForce: bool,
              outcomes: ref('Tally'),
              handoffsOverdue: {
                ...int,
                description:
                  'Hand-offs of the week still raised past their deadline, this being their home force',
              },
            },
            { closed: true },
          ),
          object(
            { focusForce: bool },
            {
              closed: true,
              description: "A force beyond the caller's read scope: its figures are withheld",
            },
          ),
        ],
      }),
    },
    {
      description:
        "Every force code (43 + BTP) is present; the figures of forces beyond the caller's read scope are withheld.",
    },
  ),
};

const { get } = routesOf('board');
const noOperation = notFound('operation');

export const BOARD_ROUTES: ApiRoute[] = [
  get(
    '/api/v1/operations/{id}/board',
    'Live tallies: national, per region, per force; scoped users see their own region in detail',
    onId(ok(ref('Board')), noOperation),
  ),
  get(
    '/api/v1/operations/{id}/board/stream',
    'Server-Sent Events: `board` with the full board on connect and after every change',
    onId(eventStream('Events `board`: the full `Board`'), noOperation, {
      description:
        'Each `board` event holds a `Board`. Browsers may pass the token as `?access_token=` since EventSource cannot set headers. The stream ends when the token expires.',
    }),
  ),
  get(
    '/api/v1/operations/{id}/board/timeline',
    'Outcomes per hour of `occurredAt` by type (latest versions; retracted ones dropped): national, or one force or region',
    onId(ok(ref('BoardTimeline')), noOperation, {
      description:
        "Everyone may read the national timeline; `force` and `region` must be within the caller's scope (403 `forbidden_scope` otherwise). Kept by the board projection, so it is as current as the board.",
      params: [query('force', forceCode), query('region', regionCode)],
    }),
  ),
  get(
    '/api/v1/operations/{id}/focus-map',
    "Per force: active lines exporting and importing, focus lines touching it, whether it is a focus force, the week's outcomes there and its overdue hand-offs as home force",
    onId(ok(ref('FocusMap')), noOperation),
  ),
];
