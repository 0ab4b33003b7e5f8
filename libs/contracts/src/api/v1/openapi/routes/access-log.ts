import { ok, pageParams, query } from '../answers';
import { ApiRoute } from '../route';
import { array, dateTime, int, nullable, object, page, ref, str } from '../schema-builders';

export const ACCESS_LOG_SCHEMAS: Record<string, object> = {
  AccessLogEntry: object({
    id: str,
    at: dateTime,
    who: object(
      { sub: str, role: str, region: str, force: str },
      { optional: ['region', 'force'] },
    ),
    what: object({
      data: str,
      route: str,
      path: str,
      resourceIds: array(str),
      subjectRefs: array(str),
    }),
    purpose: str,
    correlationId: str,
    export: nullable(object({ kind: str, rows: nullable(int) })),
  }),
};

export const ACCESS_LOG_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/access-log',
    tag: 'access-log',
    summary: 'Who read person-level data, when, what and why, newest first (nclcc only)',
    description:
      'Every read of person-level data and every export is logged before the data is sent; a read whose entry cannot be written is answered 503 and discloses nothing. Reading this log is itself logged. The cursor is opaque and stable while new entries arrive.',
    gatewayOnly: true,
    params: [query('subjectRef', str), query('sub', str), ...pageParams],
    responses: { 200: ok(page(ref('AccessLogEntry'))) },
  },
];
