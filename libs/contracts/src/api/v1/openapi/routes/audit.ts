import { query } from '../answers';
import { ApiRoute } from '../route';
import { pagedList, routesOf } from '../route-builders';
import { nullable, object, ref } from '../schema-builders';
import { dateTime, str, uuid } from '../schema-scalars';

export const AUDIT_SCHEMAS: Record<string, object> = {
  AuditEntry: object({
    id: str,
    at: dateTime,
    actor: object(
      { sub: str, role: str, region: ref('RegionCode'), force: ref('ForceCode') },
      { optional: ['region', 'force'] },
    ),
    action: str,
    operationId: nullable(str),
    subjectId: nullable(str),
    correlationId: str,
    details: { type: 'object' },
  }),
};

const { get } = routesOf('audit');

export const AUDIT_ROUTES: ApiRoute[] = [
  get('/api/v1/audit', 'The audit trail, newest first (nclcc only)', {
    description:
      'Every write of operations, outcomes and taskings (including deadline effects, by `system:tasking-deadlines`), with who, when, what and the correlation id. Entries of the tasking service have ids prefixed `tasking-`.',
    ...pagedList(ref('AuditEntry'), [
      query('operationId', uuid),
      query('action', str),
      query('subjectId', str),
      query('sub', str),
    ]),
  }),
];
