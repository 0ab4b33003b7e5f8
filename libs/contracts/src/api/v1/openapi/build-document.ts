import { PURPOSE_HEADER, PURPOSE_MAX_LENGTH, PURPOSE_QUERY } from '../access-log';
import { problem } from './answers';
import { Answer, ApiRoute, Parameter } from './route';
import { component, ref } from './schema-builders';

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' },
  },
};

/** Problems any route may answer, added to each route as it applies. */
function commonProblems(route: ApiRoute): Record<number, Answer> {
  const common: Record<number, Answer> = {};
  if (route.personLevel && route.personLevel !== 'write')
    common[400] = problem(
      '`purpose_required` (no purpose, or one over 200 characters) or `validation_failed`; `errors` names every bad field',
      ['purpose_required', 'validation_failed'],
    );
  else if (route.body || route.params?.length)
    common[400] = problem('Validation failed; `errors` names every bad field', [
      'validation_failed',
    ]);
  if (!route.public) {
    common[401] = problem('No valid bearer token', ['unauthorized']);
    if (!route.anyRole)
      common[403] = problem('`forbidden_scope`: the role or scope does not allow this', [
        'forbidden_scope',
      ]);
  }
  if (route.body && (route.body.contentType ?? 'application/json') === 'application/json') {
    common[413] = problem('The body is over 256 KiB', ['payload_too_large']);
    common[415] = problem('`unsupported_media_type`: the body is not JSON', [
      'unsupported_media_type',
    ]);
  }
  common[429] = {
    ...problem('`rate_limited`: too many requests from one caller', ['rate_limited']),
    headers: RETRY_AFTER,
  };
  common[500] = problem('An unexpected error', ['internal_error']);
  if (!route.gatewayOnly)
    common[503] = problem('A service behind the gateway did not answer; retry', [
      'service_unavailable',
    ]);
  return common;
}

function response(a: Answer): object {
  return {
    description: a.description,
    ...(a.headers && { headers: a.headers }),
    ...(a.schema && { content: { [a.contentType ?? 'application/json']: { schema: a.schema } } }),
  };
}

const NO_STORE = {
  'Cache-Control': {
    description: 'Always `no-store`: person-level data',
    schema: { type: 'string' },
  },
};

/** Why the caller reads person-level data: logged with who, when and what (s.62). */
function purposeParam(kind: 'read' | 'stream' | 'write'): Parameter {
  const schema = { type: 'string', minLength: 1, maxLength: PURPOSE_MAX_LENGTH };
  if (kind === 'write')
    return {
      name: PURPOSE_HEADER,
      in: 'header',
      required: false,
      description:
        'Optional on writes: the answer names the person, so it is logged as a read would be, with this purpose when sent.',
      schema,
    };
  return {
    name: kind === 'stream' ? PURPOSE_QUERY : PURPOSE_HEADER,
    in: kind === 'stream' ? 'query' : 'header',
    required: true,
    description:
      'Why you read this person-level data, logged with who, when and what as s.62 of the Data Protection Act 2018 requires. Browsers opening an event stream send it as `?purpose=`.',
    schema,
  };
}

function operation(route: ApiRoute, schemas: Record<string, object>): object {
  const answers = { ...commonProblems(route), ...route.responses };
  if (route.personLevel)
    for (const status of Object.keys(route.responses)
      .map(Number)
      .filter((s) => s < 300))
      answers[status] = {
        ...answers[status],
        headers: { ...answers[status].headers, ...NO_STORE },
      };
  const params = [
    ...(route.personLevel ? [purposeParam(route.personLevel)] : []),
    ...(route.params ?? []),
  ];
  let requestBody: object | undefined;
  if (route.body) {
    const {
      schema,
      name,
      documentedAs,
      contentType = 'application/json',
      description,
    } = route.body;
    if (name) schemas[name] = component(schema);
    const documented = documentedAs ?? name;
    requestBody = {
      required: true,
      ...(description && { description }),
      content: { [contentType]: { schema: documented ? ref(documented) : component(schema) } },
    };
  }
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string) => (c ?? '').toUpperCase())}`,
    ...(route.public && { security: [] }),
    ...(params.length && { parameters: params }),
    ...(requestBody && { requestBody }),
    responses: Object.fromEntries(
      Object.keys(answers)
        .sort()
        .map((status) => [status, response(answers[Number(status)])]),
    ),
  };
}

/** The OpenAPI 3.1 document of a route table and the components its answers refer to. */
export function buildDocument(
  routes: readonly ApiRoute[],
  components: Record<string, object>,
  info: { title: string; version: string; description: string },
  serverUrl: string,
): Record<string, any> {
  const schemas = { ...components };
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const methods = (paths[route.path] ??= {});
    if (methods[route.method]) throw new Error(`${route.method} ${route.path} is listed twice`);
    methods[route.method] = operation(route, schemas);
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: serverUrl }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas,
    },
    paths,
  };
}
