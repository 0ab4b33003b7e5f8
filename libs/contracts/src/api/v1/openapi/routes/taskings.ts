import {
  ISSUE_TASKING_SCHEMA,
  ISSUE_TASKINGS_SCHEMA,
  TASKING_PRIORITIES,
  TASKING_STATUSES,
  TASKING_TRANSITIONS,
  TRANSITION_SCHEMAS,
  TaskingTransition,
} from '../../tasking';
import { eventStream, notFound, ok, problem, query } from '../answers';
import { LINE_ID_RULE } from './outcomes';
import { ApiRoute } from '../route';
import { conflicts, idempotentWrite, onId, pagedList, routesOf } from '../route-builders';
import {
  array,
  component,
  enumOf,
  forceCode,
  nullable,
  object,
  ref,
  regionCode,
} from '../schema-builders';
import { bool, dateTime, int, str, uuid } from '../schema-scalars';

const status = enumOf(TASKING_STATUSES);

/** The body as validated, with the check of `lineId` against the register written beside it. */
function withLineRule(schema: object): object {
  const s = schema as { properties: Record<string, object> };
  return {
    ...s,
    properties: {
      ...s.properties,
      lineId: {
        ...s.properties.lineId,
        description: `${LINE_ID_RULE} In a batch the field is \`taskings.<index>.lineId\`.`,
      },
    },
  };
}

export const TASKING_SCHEMAS: Record<string, object> = {
  IssueTasking: withLineRule(component(ISSUE_TASKING_SCHEMA)),
  IssueTaskings: component(ISSUE_TASKINGS_SCHEMA),
  IssueTaskingsRequest: {
    description: 'One tasking, or several under `taskings` (all or nothing)',
    oneOf: [ref('IssueTasking'), ref('IssueTaskings')],
  },
  Tasking: object(
    {
      id: uuid,
      operationId: uuid,
      force: forceCode,
      lineId: { ...uuid, description: 'The register line the tasking targets' },
      action: str,
      priority: enumOf(TASKING_PRIORITIES),
      dueAt: dateTime,
      acknowledgeWithinMinutes: { type: 'integer', minimum: 1 },
      notes: str,
      status,
      overdue: { ...bool, description: 'Past `dueAt` while still open' },
      reminded: {
        ...bool,
        description:
          'Not acknowledged within `acknowledgeWithinMinutes` of its latest issue: a `tasking.reminder-due` went out',
      },
      escalated: {
        ...bool,
        description: 'Overdue and P1: escalated to the NCLCC (`tasking.escalated`)',
      },
      issuedBy: object({ sub: str, role: str, region: regionCode }, { optional: ['region'] }),
      issuedAt: dateTime,
      updatedAt: dateTime,
      outcomeIds: array(uuid),
      legacyLineRef: {
        ...str,
        description: 'A line reference typed as free text before taskings named register lines',
      },
      declineReason: str,
      cancelReason: str,
      history: {
        ...array(
          object({
            seq: { type: 'integer' },
            type: str,
            at: dateTime,
            actor: object({ sub: str, role: str }),
            from: nullable(status),
            to: status,
            details: { type: 'object' },
          }),
        ),
        description: 'Only on `GET /api/v1/taskings/{id}`: every event, oldest first.',
      },
    },
    {
      optional: ['lineId', 'notes', 'legacyLineRef', 'declineReason', 'cancelReason', 'history'],
    },
  ),
  IssuedTaskings: object(
    { taskings: array(ref('Tasking')) },
    { closed: true, description: 'The answer to a request of `{taskings: [...]}`, in order' },
  ),
  OverdueTasking: object({
    id: uuid,
    force: forceCode,
    priority: enumOf(TASKING_PRIORITIES),
    dueAt: dateTime,
    overdueForMinutes: int,
  }),
};

const SUMMARIES: Record<TaskingTransition, string> = {
  acknowledge: 'Acknowledge an issued tasking (nclcc; regional for its forces; force for itself)',
  start: 'Start an acknowledged tasking (same scope as acknowledge)',
  complete: 'Complete a tasking in progress, optionally linking outcome ids (same scope)',
  decline: 'Decline an issued or acknowledged tasking, with a reason (same scope)',
  cancel: 'Cancel an open tasking (its issuer, or nclcc)',
  reassign:
    'Reassign an open tasking to another force: issued again there, with fresh deadlines (its issuer within its scope, or nclcc)',
};

const { get, post } = routesOf('taskings');
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const noTasking = notFound('tasking');

const transition = (name: TaskingTransition): ApiRoute =>
  post(
    `/api/v1/taskings/{id}/${name}`,
    SUMMARIES[name],
    onId(ok(ref('Tasking')), noTasking, {
      body: { schema: TRANSITION_SCHEMAS[name], name: `Tasking${capital(name)}` },
      responses: {
        409: problem(
          '`illegal_transition`: not allowed from the current state, named in `detail` and in `errors` as `{field: "status", message: "is <state>"}`',
          ['illegal_transition'],
        ),
      },
    }),
  );

const issued = { oneOf: [ref('Tasking'), ref('IssuedTaskings')] };

export const TASKING_ROUTES: ApiRoute[] = [
  post(
    '/api/v1/operations/{id}/taskings',
    'Task forces (nclcc for any force; regional for the forces of its region). One tasking, or `{taskings: [...]}` for many at once: all or nothing.',
    {
      description:
        'One tasking in, one `Tasking` out; `{taskings: [...]}` in, `{taskings: [...]}` out. `dueAt` must be in the future. Deadlines: a `tasking.reminder-due` event when not acknowledged within `acknowledgeWithinMinutes` (default 240), `tasking.overdue` when `dueAt` passes before completion, and `tasking.escalated` to the NCLCC when a P1 is overdue.',
      ...idempotentWrite({
        body: {
          schema: { oneOf: [ISSUE_TASKING_SCHEMA, ISSUE_TASKINGS_SCHEMA] },
          documentedAs: 'IssueTaskingsRequest',
        },
        first: [201, ok(issued, 'Issued (status `issued`)')],
        replay: 'Replay of an issued request: the first answer again',
        missing: notFound('operation'),
        conflict: conflicts('idempotency_conflict', 'operation_closed'),
      }),
    },
  ),
  get(
    '/api/v1/taskings',
    'Taskings in your scope (a region its forces, a force itself), newest first',
    pagedList(ref('Tasking'), [
      query('operationId', uuid),
      query('force', forceCode),
      query('region', regionCode),
      query('status', status),
    ]),
  ),
  get(
    '/api/v1/taskings/stream',
    "Server-Sent Events: `taskings` with an operation's taskings in your scope on connect and after every change",
    {
      description:
        'Each `taskings` event is `{operationId, items: [Tasking]}`, newest first: the whole list in your scope (a region its forces, a force itself), sent again after every issue, transition, reminder, overdue or escalation (coalesced, at most a few per second). A comment line every 15 s keeps proxies from closing an idle stream. Browsers may pass the token as `?access_token=` since EventSource cannot set headers.',
      params: [{ ...query('operationId', uuid), required: true }],
      responses: {
        200: eventStream('Events `taskings`: `{operationId, items: [Tasking]}`'),
        404: notFound('operation'),
      },
    },
  ),
  get(
    '/api/v1/taskings/{id}',
    'One tasking with its full history',
    onId(ok(ref('Tasking')), noTasking),
  ),
  ...TASKING_TRANSITIONS.map(transition),
];
