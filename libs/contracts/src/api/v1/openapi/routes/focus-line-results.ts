import { LINE_STATUSES, CLOSURE_TYPES } from '../../line';
import { OUTCOME_TYPES } from '../../outcome.schema';
import { TASKING_STATUSES } from '../../tasking';
import { FOCUS_SCORE_WEIGHTS } from '../../focus-line-results';
import { notFound, ok } from '../answers';
import { ApiRoute } from '../route';
import { onId, routesOf } from '../route-builders';
import { array, enumOf, forceCode, nullable, object, ref, str } from '../schema-builders';
import { bool, dateTime, int, uuid } from '../schema-scalars';

const counts = (keys: readonly string[]) => object(Object.fromEntries(keys.map((k) => [k, int])));
const statusAt = (description: string) => ({
  ...nullable(
    object({ status: enumOf(LINE_STATUSES), closureType: nullable(enumOf(CLOSURE_TYPES)) }),
  ),
  description,
});
const w = FOCUS_SCORE_WEIGHTS;

export const FOCUS_LINE_RESULT_SCHEMAS: Record<string, object> = {
  FocusLineResult: object(
    {
      lineId: uuid,
      exportingForce: forceCode,
      importingForces: array(forceCode),
      withheld: {
        ...bool,
        description:
          "True when none of the line's forces is within the caller's read scope: only where it runs is given",
      },
      brand: str,
      statusAtStart: statusAt("On the register at the week's `startsAt`; null: not yet registered"),
      statusNow: statusAt('On the register now'),
      closedDuringWeek: {
        ...bool,
        description: "Not closed at the start, closed by the week's end",
      },
      disrupted: {
        ...bool,
        description:
          'A live `disrupted` or `closed-*` outcome in the week, or closed during the week',
      },
      closed: {
        ...bool,
        description: 'A live `closed-*` outcome in the week, or closed during it',
      },
      taskings: object({
        total: int,
        byStatus: counts(TASKING_STATUSES),
        overdue: int,
        items: {
          ...array(
            object({ id: uuid, force: forceCode, status: enumOf(TASKING_STATUSES), overdue: bool }),
          ),
          description: "Taskings of forces within the caller's read scope",
        },
      }),
      outcomes: {
        ...object({
          count: int,
          byType: counts(OUTCOME_TYPES),
          byAction: counts(['identified', 'disrupted', 'closedType1', 'closedType2']),
          ddtroApplied: int,
          ddtroGranted: int,
        }),
        description: "The week's outcomes naming the line: latest versions, retractions left out",
      },
      ddtros: {
        ...counts(['applied', 'granted', 'providerActioned']),
        description: 'Orders on the line dated within the week, from the register',
      },
      numbersCutOff: {
        ...int,
        description: 'Numbers of the line cut off by their provider under an order within the week',
      },
      holders: {
        ...counts(['count', 'otherLines', 'otherLinesDisrupted', 'otherLinesClosed']),
        description:
          "The line's holders and the other lines they run (sharing a holder), as the register holds them now; counts only",
      },
    },
    {
      optional: [
        'brand',
        'statusAtStart',
        'statusNow',
        'closedDuringWeek',
        'disrupted',
        'closed',
        'taskings',
        'outcomes',
        'ddtros',
        'numbersCutOff',
        'holders',
      ],
    },
  ),
  FocusLineResults: object({
    operationId: uuid,
    asOf: dateTime,
    startsAt: nullable(dateTime),
    endsAt: nullable(dateTime),
    focusLines: array(ref('FocusLineResult')),
    totals: {
      ...counts([
        'focusLines',
        'disrupted',
        'closed',
        'closedDuringWeek',
        'taskings',
        'taskingsCompleted',
        'outcomes',
        'numbersCutOff',
        'holderLines',
        'holderLinesDisrupted',
        'holderLinesClosed',
      ]),
      description:
        "Over every focus line whatever the caller's scope; `holderLines` are the holders' other lines that are not focus lines themselves",
    },
    forces: {
      ...array(
        object({
          force: forceCode,
          focusLinesDisrupted: int,
          focusLinesClosed: int,
          holderLinesDisrupted: int,
          score: int,
        }),
      ),
      description: `Forces whose live outcomes disrupted focus lines or their holders' other lines, best first (ties by code); each line counts once per force. score = ${w.focusLineDisrupted} × focusLinesDisrupted + ${w.focusLineClosed} × focusLinesClosed + ${w.holderLineDisrupted} × holderLinesDisrupted. Scoped callers see their own forces`,
    },
  }),
};

const { get } = routesOf('board');

export const FOCUS_LINE_RESULT_ROUTES: ApiRoute[] = [
  get(
    '/api/v1/operations/{id}/focus-lines/results',
    "The focus-line scoreboard: each focus line's taskings, outcomes, status at the start and now, numbers cut off, and its holders' other lines disrupted; forces ranked by that disruption",
    onId(ok(ref('FocusLineResults')), notFound('operation')),
  ),
];
