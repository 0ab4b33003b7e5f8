import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '@intensify/contracts';

interface DocumentedRoute {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

const doc = JSON.parse(JSON.stringify(openApiDocument()));
// The document's own keywords (discriminator) are annotations here; formats are checked.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: doc.components });
const compiled = new Map<string, ValidateFunction>();

const routes: DocumentedRoute[] = Object.entries(doc.paths as Record<string, any>)
  .flatMap(([template, methods]) =>
    Object.entries(methods as Record<string, any>).map(([method, op]) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
      literalSegments: template.split('/').filter((s) => !s.startsWith('{')).length,
      responses: op.responses,
    })),
  )
  // Literal paths win over templates (`/lines/ranking` before `/lines/{id}`).
  .sort((a, b) => b.literalSegments - a.literalSegments);

function validatorOf(schema: object): ValidateFunction {
  const text = JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/');
  let fn = compiled.get(text);
  if (!fn) {
    fn = ajv.compile(JSON.parse(text));
    compiled.set(text, fn);
  }
  return fn;
}

// Compiled up front: compiling between two requests of a test would leave its connection idle
// long enough for the gateway to close it.
for (const route of routes)
  for (const answer of Object.values(route.responses))
    for (const [type, { schema }] of Object.entries(answer.content ?? {}))
      if (type.endsWith('json') && schema) validatorOf(schema);

/**
 * What is wrong with an answer of the public API against its OpenAPI document: an undocumented
 * route or status, another media type, or a body its schema does not accept. Empty when right.
 */
export function conformanceErrors(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const path = url.split('?')[0];
  if (!path.startsWith('/api/v1/')) return [];
  const what = `${method} ${path} → ${status}`;
  const route = routes.find((r) => r.method === method && r.pattern.test(path));
  // A path the API does not have answers 404 not_found (`/taskings/{id}/promote`).
  if (!route)
    return status === 404 && (body as { code?: string })?.code === 'not_found'
      ? []
      : [`${what}: the route is not in the OpenAPI document`];
  if (status >= 500 && status !== 503)
    return [`${what}: the server failed (${JSON.stringify(body)})`];
  const answer = route.responses[String(status)];
  if (!answer) return [`${what}: status ${status} is not documented for ${route.template}`];
  const mediaType = (contentType ?? '').split(';')[0].trim();
  const content = answer.content ?? {};
  if (!Object.keys(content).length) return [];
  const documented = content[mediaType];
  if (!documented)
    return [
      `${what}: answered ${mediaType || 'no content type'}, documented ${Object.keys(content).join(', ')}`,
    ];
  if (!mediaType.endsWith('json') || !documented.schema) return [];
  const validate = validatorOf(documented.schema);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (e) => `${what}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`,
  );
}
