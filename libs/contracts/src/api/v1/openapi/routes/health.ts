import { ok } from '../answers';
import { ApiRoute } from '../route';
import { enumOf, mapOf, object } from '../schema-builders';

const report = (status: string) =>
  object({
    status: { const: status },
    checks: mapOf(
      object({ status: enumOf(['up', 'down']) }),
      'By dependency (`kafka`, `postgres`, `redis`, …) and by service; each `up` or `down` with details',
    ),
  });

export const HEALTH_ROUTES: ApiRoute[] = [
  {
    method: 'get',
    path: '/api/v1/health',
    tag: 'health',
    summary: 'Readiness of Kafka, PostgreSQL, Redis and every consumer',
    public: true,
    gatewayOnly: true,
    responses: {
      200: ok(report('ok'), 'Every check is up'),
      503: ok(report('error'), 'A check failed: the failing checks are `down`'),
    },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    tag: 'health',
    summary: 'This document (browsable at `/api/docs`)',
    public: true,
    gatewayOnly: true,
    responses: { 200: ok({ type: 'object', required: ['openapi', 'paths'] }) },
  },
];
