import {
  APPLY_DDTROS_SCHEMA,
  DDTRO_DECISIONS,
  DDTRO_DECISION_SCHEMAS,
  DDTRO_STATUSES,
  DdtroDecision,
} from '../../ddtro';
import { idempotencyKey, notFound, ok, pathId, problem, query } from '../answers';
import { ApiRoute } from '../route';
import {
  array,
  bool,
  dateTime,
  enumOf,
  int,
  nullable,
  object,
  ref,
  str,
  uuid,
} from '../schema-builders';

export const DDTRO_SCHEMAS: Record<string, object> = {
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
    },
    { optional: ['grantedAt', 'actionedAt', 'refusedAt', 'refusalReason', 'providerDeadline'] },
  ),
};

const SUMMARIES: Record<DdtroDecision, string> = {
  grant:
    'The court granted the order: the provider has 5 working days (tracked; `ddtro.provider-overdue` when missed)',
  actioned: 'The provider cut the number off: the number is marked cut off on the line',
  refuse: 'The court refused the order (reason required)',
};

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const limit = query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 200 });
const applied = ok(object({ batchId: uuid, ddtros: array(ref('Ddtro')) }), 'Applied');

export const DDTRO_ROUTES: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/lines/{id}/ddtros',
    tag: 'ddtros',
    summary: 'Apply for DDTROs against several numbers of the line at once: all or nothing',
    params: [pathId(), idempotencyKey],
    body: { schema: APPLY_DDTROS_SCHEMA, name: 'ApplyDdtros' },
    responses: {
      201: applied,
      200: { ...applied, description: 'Replay of the same key and body: the first answer again' },
      404: notFound('line'),
      409: problem('`conflict` (a number already has an order in hand) or `idempotency_conflict`', [
        'conflict',
        'idempotency_conflict',
      ]),
    },
  },
  {
    method: 'get',
    path: '/api/v1/ddtros',
    personLevel: 'read',
    tag: 'ddtros',
    summary: 'DDTROs on lines in your scope, newest first',
    params: [query('lineId', uuid), query('status', enumOf(DDTRO_STATUSES)), limit],
    responses: { 200: ok(object({ items: array(ref('Ddtro')) })) },
  },
  {
    method: 'get',
    path: '/api/v1/ddtros/stats',
    tag: 'ddtros',
    summary:
      'Counts by status, provider deadlines missed, and the median hours from a number first seen to its order granted',
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
  ...DDTRO_DECISIONS.map((d): ApiRoute => ({
    method: 'post',
    path: `/api/v1/ddtros/{id}/${d}`,
    tag: 'ddtros',
    summary: SUMMARIES[d],
    description:
      '`at` is when the court or provider acted, if earlier than now; never ahead of now.',
    params: [pathId()],
    body: { schema: DDTRO_DECISION_SCHEMAS[d], name: `Ddtro${capital(d)}` },
    responses: {
      200: ok(ref('Ddtro')),
      404: notFound('DDTRO'),
      409: problem('`illegal_transition`: `errors: [{field: "status", message: "is <status>"}]`', [
        'illegal_transition',
      ]),
    },
  })),
];
