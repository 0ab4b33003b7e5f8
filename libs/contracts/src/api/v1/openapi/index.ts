import { API_ROUTES, API_SCHEMAS } from './api-routes';
import { buildDocument } from './build-document';

export { API_ROUTES } from './api-routes';
export type { ApiRoute, Answer } from './route';

const INFO = {
  title: 'Intensify public API',
  version: '1',
  description:
    'Operations platform for county lines intensification weeks. Errors are `application/problem+json` with a stable `code`. Times are ISO 8601 with offset; money is integer pence; drug weights are grams (up to 3 decimals). Every route may answer 429 `rate_limited` with `Retry-After`.',
};

/** The OpenAPI 3.1 document of the public API, version 1, built from the route table. */
export function openApiDocument(serverUrl = '/'): Record<string, any> {
  return buildDocument(API_ROUTES, API_SCHEMAS, INFO, serverUrl);
}
