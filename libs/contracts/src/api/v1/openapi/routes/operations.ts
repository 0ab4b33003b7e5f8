import { CREATE_OPERATION_SCHEMA } from '../../operation';
import { REASON_SCHEMA } from '../../reporting';
import { notFound, ok, pathId } from '../answers';
import { ApiRoute } from '../route';
import { array, dateTime, enumOf, forceCode, object, ref, str, uuid } from '../schema-builders';

export const OPERATION_SCHEMAS = {
  Operation: object({
    id: uuid,
    name: str,
    startsAt: dateTime,
    endsAt: dateTime,
    status: enumOf(['planned', 'active', 'closed']),
    focusForces: array(forceCode),
  }),
};

const operation = ok(ref('Operation'));
const noOperation = notFound('operation');

export const OPERATION_ROUTES: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/operations',
    tag: 'operations',
    summary: 'Plan an intensification week (nclcc)',
    description:
      '`endsAt` must be after `startsAt`. Weeks may be created for past dates (back-loading a week’s returns).',
    body: { schema: CREATE_OPERATION_SCHEMA, name: 'CreateOperation' },
    responses: { 201: ok(ref('Operation'), 'Created') },
  },
  {
    method: 'get',
    path: '/api/v1/operations',
    tag: 'operations',
    summary: 'All weeks, newest first',
    responses: { 200: ok(array(ref('Operation'))) },
  },
  {
    method: 'get',
    path: '/api/v1/operations/{id}',
    tag: 'operations',
    summary: 'One week',
    params: [pathId()],
    responses: { 200: operation, 404: noOperation },
  },
  {
    method: 'post',
    path: '/api/v1/operations/{id}/close',
    tag: 'operations',
    summary:
      'Make the week final (nclcc); later writes get 409 operation_closed. Closing a closed week changes nothing.',
    params: [pathId()],
    responses: { 200: operation, 404: noOperation },
  },
  {
    method: 'post',
    path: '/api/v1/operations/{id}/reopen',
    tag: 'operations',
    summary: 'Reopen a closed week for late corrections (nclcc), with an audited reason',
    params: [pathId()],
    body: { schema: REASON_SCHEMA, name: 'Reason' },
    responses: { 200: operation, 404: noOperation },
  },
];
