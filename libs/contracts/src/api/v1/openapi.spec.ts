import { openApiDocument } from './openapi';

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
});
