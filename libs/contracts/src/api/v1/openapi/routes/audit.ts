import { ok, pageParams, query } from '../answers';
import { ApiRoute } from '../route';
import { dateTime, nullable, object, page, ref, str, uuid } from '../schema-builders';

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

export const AUDIT_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/audit',
    personLevel: 'read',
    tag: 'audit',
    summary: 'The audit trail, newest first (nclcc only)',
    description:
      'Every write of operations, outcomes and taskings (including deadline effects, by `system:tasking-deadlines`), with who, when, what and the correlation id. Entries of the tasking service have ids prefixed `tasking-`.',
    params: [
      query('operationId', uuid),
      query('action', str),
      query('subjectId', str),
      query('sub', str),
      ...pageParams,
    ],
    responses: { 200: ok(page(ref('AuditEntry'))) },
  },
];
