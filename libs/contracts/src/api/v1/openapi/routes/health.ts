import { ok } from '../answers';
import { ApiRoute } from '../route';
import { routesOf } from '../route-builders';
import { enumOf, mapOf, object } from '../schema-builders';

const report = (status: string) =>
  object({
    status: { const: status },
    checks: mapOf(
      object({ status: enumOf(['up', 'down']) }),
      'By dependency (`kafka`, `postgres`, `redis`, …) and by service; each `up` or `down` with details',
    ),
  });

const { get } = routesOf('health');

export const HEALTH_ROUTES: ApiRoute[] = [
  get('/api/v1/health', 'Readiness of Kafka, PostgreSQL, Redis and every consumer', {
    public: true,
    gatewayOnly: true,
    responses: {
      200: ok(report('ok'), 'Every check is up'),
      503: ok(report('error'), 'A check failed: the failing checks are `down`'),
    },
  }),
  get('/api/v1/openapi.json', 'This document (browsable at `/api/docs`)', {
    public: true,
    gatewayOnly: true,
    responses: { 200: ok({ type: 'object', required: ['openapi', 'paths'] }) },
  }),
];
