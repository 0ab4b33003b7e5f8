import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CREATE_OPERATION_SCHEMA } from './operation';
import { OUTCOME_BODY_SCHEMAS } from './outcome.schema';
import { API_ROUTES, openApiDocument } from './openapi';
import { emptyTally } from './tally';
import { TRANSITION_SCHEMAS } from './tasking';
import { UPDATE_LINE_SCHEMA } from './line';

describe('OpenAPI document', () => {
  const doc = openApiDocument();

  it('describes every endpoint of the public contract', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/dev-token',
        'GET /api/v1/regions',
        'GET /api/v1/forces',
        'POST /api/v1/operations',
        'GET /api/v1/operations',
        'GET /api/v1/operations/{id}',
        'POST /api/v1/operations/{id}/close',
        'POST /api/v1/operations/{id}/reopen',
        'POST /api/v1/operations/{id}/outcomes',
        'GET /api/v1/operations/{id}/outcomes',
        'POST /api/v1/operations/{id}/outcomes/import',
        'POST /api/v1/outcomes/{outcomeId}/corrections',
        'POST /api/v1/outcomes/{outcomeId}/retraction',
        'GET /api/v1/operations/{id}/board',
        'GET /api/v1/operations/{id}/board/stream',
        'GET /api/v1/audit',
        'GET /api/v1/health',
        'POST /api/v1/operations/{id}/taskings',
        'GET /api/v1/taskings',
        'GET /api/v1/taskings/{id}',
        'POST /api/v1/taskings/{id}/acknowledge',
        'POST /api/v1/taskings/{id}/start',
        'POST /api/v1/taskings/{id}/complete',
        'POST /api/v1/taskings/{id}/decline',
        'POST /api/v1/taskings/{id}/cancel',
        'POST /api/v1/taskings/{id}/reassign',
        'GET /api/v1/force-map',
        'GET /api/v1/operations/{id}/board/timeline',
        'GET /api/v1/operations/{id}/board/forces.csv',
        'GET /api/v1/operations/{id}/outcomes.csv',
        'GET /api/v1/operations/{id}/summary.pdf',
        'POST /api/v1/lines',
        'GET /api/v1/lines',
        'GET /api/v1/lines/{id}',
        'PATCH /api/v1/lines/{id}',
        'POST /api/v1/lines/{id}/numbers',
        'GET /api/v1/lines/ranking',
        'POST /api/v1/forces/{code}/returns/{month}',
        'GET /api/v1/deconfliction/alerts',
        'GET /api/v1/line-holders',
        'PUT /api/v1/operations/{id}/focus-lines',
        'GET /api/v1/operations/{id}/focus-lines',
        'GET /api/v1/operations/{id}/focus-map',
        'POST /api/v1/lines/{id}/ddtros',
        'POST /api/v1/ddtros/{id}/grant',
        'POST /api/v1/ddtros/{id}/actioned',
        'POST /api/v1/ddtros/{id}/refuse',
        'GET /api/v1/ddtros',
        'GET /api/v1/ddtros/stats',
        'GET /api/v1/intelligence/audit',
        'GET /api/v1/access-log',
      ]),
    );
  });

  it('documents the CSV columns in the import description', () => {
    const description: string =
      doc.paths['/api/v1/operations/{id}/outcomes/import'].post.description;
    expect(description).toContain('cocaine_value_pence');
    expect(description).toContain('weapons_bladed');
    expect(description).toContain('idempotencyKey');
  });

  it('resolves every $ref to a component', () => {
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const r of new Set(refs))
      expect(doc.components.schemas[r.split('/').pop()!]).toBeDefined();
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'doc', components: JSON.parse(JSON.stringify(doc.components)) });
  const schemaOf = (name: string) => ajv.compile({ $ref: `doc#/components/schemas/${name}` });
  const answerSchema = (path: string, method: string, status: number, type = 'application/json') =>
    ajv.compile(
      JSON.parse(
        JSON.stringify(doc.paths[path][method].responses[status].content[type].schema).replace(
          /"#\/components\//g,
          '"doc#/components/',
        ),
      ),
    );

  it('takes request bodies from the very schemas the code validates with', () => {
    const body = (method: string, path: string) =>
      API_ROUTES.find((r) => r.method === method && r.path === path)?.body?.schema;
    expect(body('post', '/api/v1/operations')).toBe(CREATE_OPERATION_SCHEMA);
    expect(body('patch', '/api/v1/lines/{id}')).toBe(UPDATE_LINE_SCHEMA);
    expect(body('post', '/api/v1/taskings/{id}/decline')).toBe(TRANSITION_SCHEMAS.decline);
    expect(body('post', '/api/v1/operations/{id}/outcomes')).toEqual({
      oneOf: Object.values(OUTCOME_BODY_SCHEMAS),
    });
    const { $id: _id, ...createOperation } = CREATE_OPERATION_SCHEMA;
    expect(doc.components.schemas.CreateOperation).toEqual(createOperation);
  });

  it('writes the rules judged beside the schema into the outcome bodies', () => {
    const { ArrestOutcome, SeizureOutcome } = doc.components.schemas;
    expect(SeizureOutcome.properties.drugs.items.properties.grams.multipleOf).toBe(0.001);
    expect(ArrestOutcome.properties.under18.description).toMatch(/at most `count`/i);
    expect(ArrestOutcome.properties.occurredAt.description).toMatch(/startsAt/);
  });

  it('holds a Tally to every key and no other', () => {
    const tally = schemaOf('Tally');
    expect(tally(emptyTally())).toBe(true);
    const { phones: _phones, ...missing } = emptyTally();
    expect(tally(missing)).toBe(false);
    expect(tally({ ...emptyTally(), extra: 1 })).toBe(false);
    expect(tally({ ...emptyTally(), drugs: { ...emptyTally().drugs, crack: {} } })).toBe(false);
  });

  it('tells one issued tasking from several by their shape', () => {
    const issued = answerSchema('/api/v1/operations/{id}/taskings', 'post', 201);
    const tasking = {
      id: '7b0c7a57-0c1b-4a39-9a43-6f3a1a7b8c01',
      operationId: '7b0c7a57-0c1b-4a39-9a43-6f3a1a7b8c02',
      force: 'E23000001',
      action: 'Visit',
      priority: 'P1',
      dueAt: '2026-10-06T10:00:00Z',
      acknowledgeWithinMinutes: 240,
      status: 'issued',
      overdue: false,
      reminded: false,
      escalated: false,
      issuedBy: { sub: 'n', role: 'nclcc' },
      issuedAt: '2026-10-05T10:00:00Z',
      updatedAt: '2026-10-05T10:00:00Z',
      outcomeIds: [],
    };
    expect(issued(tasking)).toBe(true);
    expect(issued({ taskings: [tasking] })).toBe(true);
    expect(issued({})).toBe(false);
    expect(issued({ taskings: [tasking], id: tasking.id })).toBe(false);
  });

  it('lists the always-present fields of every success answer as required', () => {
    const loose: string[] = [];
    const walk = (schema: any, at: string): void => {
      if (!schema || typeof schema !== 'object') return;
      if (schema.type === 'object' && schema.properties && !schema.required) loose.push(at);
      for (const [k, v] of Object.entries(schema)) walk(v, `${at}/${k}`);
    };
    for (const [path, methods] of Object.entries<any>(doc.paths))
      for (const [method, op] of Object.entries<any>(methods))
        for (const [status, answer] of Object.entries<any>(op.responses))
          if (status.startsWith('2')) walk(answer.content, `${method} ${path} ${status}`);
    for (const name of ['Operation', 'Board', 'Tasking', 'Line', 'OutcomeItem', 'Ddtro'])
      walk(doc.components.schemas[name], name);
    expect(loose).toEqual([]);
  });

  it('documents problems where they happen, and 429 with Retry-After everywhere', () => {
    for (const [path, methods] of Object.entries<any>(doc.paths))
      for (const [method, op] of Object.entries<any>(methods)) {
        expect([`${method} ${path}`, op.responses['429']?.headers?.['Retry-After']]).toEqual([
          `${method} ${path}`,
          expect.anything(),
        ]);
        if (!op.security) expect(op.responses['401']).toBeDefined();
      }
    const stream = doc.paths['/api/v1/operations/{id}/board/stream'].get.responses;
    expect(stream['404']).toBeDefined();
    expect(stream['200'].content['text/event-stream']).toBeDefined();
    expect(doc.paths['/api/v1/operations/{id}'].get.responses['503']).toBeDefined();
    expect(doc.paths['/api/v1/operations/{id}/outcomes'].post.responses['413']).toBeDefined();
    expect(doc.paths['/api/v1/forces/{code}/returns/{month}'].post.responses['415']).toBeDefined();
  });

  it('answers problems of the documented codes only', () => {
    const conflict = answerSchema(
      '/api/v1/taskings/{id}/start',
      'post',
      409,
      'application/problem+json',
    );
    const problem = (code: string) => ({
      type: 'about:blank',
      title: 'x',
      status: 409,
      detail: 'x',
      code,
      errors: [],
    });
    expect(conflict(problem('illegal_transition'))).toBe(true);
    expect(conflict(problem('operation_closed'))).toBe(false);
  });
});
