import {
  APPLY_DDTROS_SCHEMA,
  MAX_ALERTS_PER_APPLICATION,
  REPLACEMENT_APPLICATION_OUTCOMES,
  REPLACEMENT_APPLICATIONS_SCHEMA,
  DDTRO_DECISIONS,
  DDTRO_DECISION_SCHEMAS,
  DDTRO_STATUSES,
  DdtroDecision,
} from '../../ddtro';
import { idempotencyKey, notFound, ok, problem, query } from '../answers';
import { ApiRoute } from '../route';
import { conflicts, idempotentWrite, onId, routesOf } from '../route-builders';
import { array, enumOf, forceCode, nullable, object, ref } from '../schema-builders';
import { bool, dateTime, int, str, uuid } from '../schema-scalars';

export const DDTRO_SCHEMAS: Record<string, object> = {
  ReplacementAlert: object(
    {
      id: uuid,
      lineId: uuid,
      brand: str,
      recordedBy: forceCode,
      number: str,
      numberStatus: str,
      ddtroIds: array(uuid),
      raisedAt: dateTime,
      appliedDdtroId: { ...nullable(uuid), description: 'The order applied for from this alert' },
    },
    { description: 'A new number seen on a line with an order in hand' },
  ),
  ReplacementApplicationResult: object(
    {
      alertId: uuid,
      outcome: enumOf(REPLACEMENT_APPLICATION_OUTCOMES),
      ddtro: ref('Ddtro'),
      ddtroId: uuid,
      reason: str,
    },
    { optional: ['ddtro', 'ddtroId', 'reason'] },
  ),
  Ddtro: object(
    {
      id: uuid,
      lineId: uuid,
      number: str,
      batchId: uuid,
      status: enumOf(DDTRO_STATUSES),
      appliedAt: dateTime,
      grantedAt: dateTime,
      actionedAt: dateTime,
      refusedAt: dateTime,
      refusalReason: str,
      providerDeadline: dateTime,
      providerOverdue: bool,
      numberFirstSeenAt: dateTime,
      brand: { ...str, description: 'The line’s brand (lists of orders)' },
    },
    {
      optional: [
        'grantedAt',
        'actionedAt',
        'refusedAt',
        'refusalReason',
        'providerDeadline',
        'brand',
      ],
    },
  ),
};

const SUMMARIES: Record<DdtroDecision, string> = {
  grant:
    'The court granted the order: the provider has 5 working days (tracked; `ddtro.provider-overdue` when missed)',
  actioned: 'The provider cut the number off: the number is marked cut off on the line',
  refuse: 'The court refused the order (reason required)',
};

const { get, post } = routesOf('ddtros');
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const limit = query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 200 });

export const DDTRO_ROUTES: ApiRoute[] = [
  post(
    '/api/v1/lines/{id}/ddtros',
    'Apply for DDTROs against several numbers of the line at once: all or nothing',
    idempotentWrite({
      body: { schema: APPLY_DDTROS_SCHEMA, name: 'ApplyDdtros' },
      first: [201, ok(object({ batchId: uuid, ddtros: array(ref('Ddtro')) }), 'Applied')],
      replay: 'Replay of the same key and body: the first answer again',
      missing: notFound('line'),
      conflict: problem(
        '`conflict` (a number already has an order in hand) or `idempotency_conflict`',
        ['conflict', 'idempotency_conflict'],
      ),
    }),
  ),
  get(
    '/api/v1/ddtros/replacement-alerts',
    'New numbers seen on lines with an order in hand, newest first (`open`: no order applied for from them yet)',
    {
      params: [query('status', enumOf(['open', 'applied'])), limit],
      responses: { 200: ok(object({ items: array(ref('ReplacementAlert')) })) },
    },
  ),
  post(
    '/api/v1/ddtros/replacement-applications',
    'Apply for DDTROs on the new numbers of several replacement alerts at once (nclcc)',
    {
      description: `At most ${MAX_ALERTS_PER_APPLICATION} alerts. One batch of orders per line; each alert is applied for once: an alert that already led to an order, or whose number has one in hand, answers \`already-applied\` with it. A result per alert, in the order given.`,
      params: [idempotencyKey],
      body: { schema: REPLACEMENT_APPLICATIONS_SCHEMA, name: 'ReplacementApplications' },
      responses: {
        201: ok(object({ results: array(ref('ReplacementApplicationResult')) }), 'Applied'),
        200: ok(
          object({ results: array(ref('ReplacementApplicationResult')) }),
          'Replay of the same key and body: the first answer again',
        ),
        409: conflicts('idempotency_conflict'),
      },
    },
  ),
  get('/api/v1/ddtros', 'DDTROs on lines in your scope, newest first', {
    params: [query('lineId', uuid), query('status', enumOf(DDTRO_STATUSES)), limit],
    responses: { 200: ok(object({ items: array(ref('Ddtro')) })) },
  }),
  get(
    '/api/v1/ddtros/stats',
    'Counts by status, provider deadlines missed, and the median hours from a number first seen to its order granted',
    {
      responses: {
        200: ok(
          object({
            applied: int,
            granted: int,
            actioned: int,
            refused: int,
            providerOverdue: int,
            medianFirstSeenToGrantedHours: nullable({ type: 'number', minimum: 0 }),
            grantedSample: int,
          }),
        ),
      },
    },
  ),
  ...DDTRO_DECISIONS.map((d) =>
    post(
      `/api/v1/ddtros/{id}/${d}`,
      SUMMARIES[d],
      onId(ok(ref('Ddtro')), notFound('DDTRO'), {
        description:
          '`at` is when the court or provider acted, if earlier than now; never ahead of now.',
        body: { schema: DDTRO_DECISION_SCHEMAS[d], name: `Ddtro${capital(d)}` },
        responses: {
          409: problem(
            '`illegal_transition`: `errors: [{field: "status", message: "is <status>"}]`',
            ['illegal_transition'],
          ),
        },
      }),
    ),
  ),
];
