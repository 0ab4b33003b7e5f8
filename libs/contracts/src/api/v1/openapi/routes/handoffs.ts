import {
  AGE_GROUPS,
  HANDOFF_ACTION_SCHEMAS,
  HANDOFF_CONCERNS,
  HANDOFF_OUTCOMES,
  HANDOFF_STATUSES,
  HandoffAction,
  RAISE_HANDOFF_SCHEMA,
} from '../../handoff';
import { eventStream, idempotencyKey, notFound, ok, pathId, query } from '../answers';
import { ApiRoute } from '../route';
import { conflicts, onId, pagedList, routesOf } from '../route-builders';
import { array, enumOf, forceCode, nullable, object, ref, regionCode } from '../schema-builders';
import { bool, dateTime, str, uuid } from '../schema-scalars';

const status = enumOf(HANDOFF_STATUSES);

export const HANDOFF_SCHEMAS: Record<string, object> = {
  Handoff: object(
    {
      id: uuid,
      operationId: nullable(uuid),
      status,
      foundForce: forceCode,
      homeForce: forceCode,
      subjectRef: {
        ...nullable(str),
        description:
          'The pseudonymous reference of the person; `null` once the retention period after closing has passed and it was erased',
      },
      ageGroup: enumOf(AGE_GROUPS),
      concerns: array(enumOf(HANDOFF_CONCERNS)),
      foundAt: dateTime,
      acknowledgeBy: {
        ...dateTime,
        description:
          '`foundAt` (or the latest redirect) + 24 hours for a child, + 72 hours for an adult',
      },
      overdue: { ...bool, description: 'Still `raised` at `acknowledgeBy`' },
      escalatedAt: {
        ...nullable(dateTime),
        description:
          "When it was escalated to the home force's region and the NCLCC (once); kept after a later acknowledgement",
      },
      owner: { ...nullable(str), description: 'The pseudonymous officer reference that owns it' },
      outcome: nullable(enumOf(HANDOFF_OUTCOMES)),
      safeguardingOutcomeId: uuid,
      note: str,
      previousHandoffs: {
        ...array(uuid),
        description: 'Earlier hand-offs of the same `subjectRef`, newest first',
      },
      history: {
        ...array(
          object(
            {
              at: dateTime,
              by: object(
                { sub: str, role: str, region: regionCode, force: forceCode },
                { optional: ['region', 'force'] },
              ),
              action: str,
            },
            { description: 'One step, oldest first, with the details of the action beside it' },
          ),
        ),
      },
    },
    {
      optional: ['safeguardingOutcomeId', 'note'],
      description:
        'A child or vulnerable adult found away from home, handed to the home force. Person-level data: answered with `Cache-Control: no-store`, every answer logged.',
    },
  ),
};

const { get, post } = routesOf('handoffs');
const noHandoff = notFound('hand-off');
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

const SUMMARIES: Record<HandoffAction, string> = {
  acknowledge: 'Acknowledge a raised hand-off with its owner: `raised → acknowledged`',
  redirect:
    'The home force was wrong: back to `raised` for the new home force, with a new `acknowledgeBy` from now',
  close: 'Close an acknowledged hand-off with its outcome: `acknowledged → closed`',
};

const action = (name: HandoffAction): ApiRoute =>
  post(`/api/v1/handoffs/{id}/${name}`, SUMMARIES[name], {
    description:
      "Allowed to the home force, a regional coordinator of the home force's region, and the NCLCC. The same `Idempotency-Key` and body again answers 200 with the hand-off. Free text holding a name, date of birth, address, e-mail or phone number is refused (400 naming the field).",
    params: [pathId(), idempotencyKey],
    body: { schema: HANDOFF_ACTION_SCHEMAS[name], name: `Handoff${capital(name)}` },
    responses: {
      200: ok(ref('Handoff'), 'The hand-off after the action (or a replay of it)'),
      404: noHandoff,
      409: conflicts('illegal_transition', 'idempotency_conflict'),
    },
  });

const listFilters = [
  query('operationId', uuid),
  query('homeForce', forceCode),
  query('foundForce', forceCode),
  query('status', status),
  query('overdue', enumOf(['true', 'false'])),
];

export const HANDOFF_ROUTES: ApiRoute[] = [
  post(
    '/api/v1/handoffs',
    'Raise a hand-off for a child or vulnerable adult found away from home (nclcc; regional when `foundForce` is in its region; force when `foundForce` is its own)',
    {
      description:
        '`homeForce` must differ from `foundForce`; `foundAt` not in the future; with `operationId` the week must exist (404) and be open (409 `operation_closed`). `subjectRef` is a pseudonymous reference (upper-case letters, digits, hyphens, a digit, nothing that reads as a date or a name); a `note` holding a name, date of birth, address, e-mail or phone number is refused. The answer names the person, so it is logged (with `X-Purpose` if sent) and not cached.',
      params: [idempotencyKey],
      body: { schema: RAISE_HANDOFF_SCHEMA, name: 'RaiseHandoff' },
      responses: {
        201: ok(ref('Handoff'), 'Raised (status `raised`)'),
        200: ok(ref('Handoff'), 'Replay of a raised request: the hand-off'),
        404: notFound('operation'),
        409: conflicts('idempotency_conflict', 'operation_closed'),
      },
    },
  ),
  get(
    '/api/v1/handoffs',
    'Hand-offs in your scope (a force: found or home force its own; a region: found or home force in it; nclcc: all; commanders 403)',
    pagedList(ref('Handoff'), listFilters),
  ),
  get(
    '/api/v1/handoffs/stream',
    'Server-Sent Events: `handoffs` with the hand-offs in your scope on connect and after every change',
    {
      description:
        'Each `handoffs` event is `{operationId, items: [Handoff]}`: the whole list in your scope (of the week when `operationId` is given, else every hand-off), sent again after every raise, action, deadline or erasure (coalesced, at most a few per second). The purpose is `?purpose=` and the token may be `?access_token=`, since EventSource cannot set headers; what each event discloses is added to the access-log entry of the stream before it is sent.',
      params: [query('operationId', uuid)],
      responses: {
        200: eventStream('Events `handoffs`: `{operationId, items: [Handoff]}`'),
        404: notFound('operation'),
      },
    },
  ),
  get(
    '/api/v1/handoffs/{id}',
    'One hand-off with its full history and the subject’s earlier hand-offs',
    onId(ok(ref('Handoff')), noHandoff),
  ),
  ...(['acknowledge', 'redirect', 'close'] as const).map(action),
  routesOf('audit').get(
    '/api/v1/safeguarding/audit',
    'NCLCC: the safeguarding audit trail (every change of a hand-off, deadline effects and erasures), newest first',
    pagedList(ref('AuditEntry'), [
      query('action', str),
      query('operationId', uuid),
      query('subjectId', str),
      query('sub', str),
    ]),
  ),
];
