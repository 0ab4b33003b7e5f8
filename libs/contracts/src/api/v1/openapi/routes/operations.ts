import { CREATE_OPERATION_SCHEMA, UPDATE_OPERATION_SCHEMA } from '../../operation';
import { REASON_SCHEMA } from '../../reporting';
import { notFound, ok } from '../answers';
import { ApiRoute } from '../route';
import { conflicts, onId, routesOf } from '../route-builders';
import { array, enumOf, forceCode, object, ref } from '../schema-builders';
import { dateTime, str, uuid } from '../schema-scalars';

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

const { get, patch, post } = routesOf('operations');
const operation = ok(ref('Operation'));
const noOperation = notFound('operation');

export const OPERATION_ROUTES: ApiRoute[] = [
  post('/api/v1/operations', 'Plan an intensification week (nclcc)', {
    description:
      '`endsAt` must be after `startsAt`. Weeks may be created for past dates (back-loading a week’s returns).',
    body: { schema: CREATE_OPERATION_SCHEMA, name: 'CreateOperation' },
    responses: { 201: ok(ref('Operation'), 'Created') },
  }),
  get('/api/v1/operations', 'All weeks, newest first', {
    responses: { 200: ok(array(ref('Operation'))) },
  }),
  get('/api/v1/operations/{id}', 'One week', onId(operation, noOperation)),
  patch(
    '/api/v1/operations/{id}',
    'Edit a planned week (nclcc): its name, dates or both, checked as on create',
    onId(operation, noOperation, {
      description:
        'Only while the week is `planned`: once it has started 409 `conflict`, once closed 409 `operation_closed`. `endsAt` must stay after `startsAt`. Publishes `operation.updated`; the same edit again changes nothing.',
      body: { schema: UPDATE_OPERATION_SCHEMA, name: 'UpdateOperation' },
      responses: { 409: conflicts('conflict', 'operation_closed') },
    }),
  ),
  post(
    '/api/v1/operations/{id}/close',
    'Make the week final (nclcc); later writes get 409 operation_closed. Closing a closed week changes nothing.',
    onId(operation, noOperation),
  ),
  post(
    '/api/v1/operations/{id}/reopen',
    'Reopen a closed week for late corrections (nclcc), with an audited reason',
    onId(operation, noOperation, { body: { schema: REASON_SCHEMA, name: 'Reason' } }),
  ),
];
