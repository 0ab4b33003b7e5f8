import { api } from '../support/api';

describe('safeguarding: platform health and the OpenAPI document', () => {
  it('counts the safeguarding service in the platform health', async () => {
    const res = await api('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.checks.safeguarding).toEqual(expect.objectContaining({ status: 'up' }));
    expect(res.body.checks.postgres.safeguarding).toEqual(
      expect.objectContaining({ status: 'up' }),
    );
  });

  it('documents the hand-off routes: purpose on reads, optional on writes, no-store answers', async () => {
    const doc = (await api('GET', '/api/v1/openapi.json')).body;
    const purposeOf = (op: any) =>
      op.parameters.find((p: { name: string }) => ['X-Purpose', 'purpose'].includes(p.name));
    const list = doc.paths['/api/v1/handoffs'].get;
    expect(purposeOf(list)).toMatchObject({ in: 'header', required: true });
    expect(list.responses['200'].headers['Cache-Control']).toBeDefined();
    expect(purposeOf(doc.paths['/api/v1/handoffs/stream'].get)).toMatchObject({
      in: 'query',
      required: true,
    });
    const raise = doc.paths['/api/v1/handoffs'].post;
    expect(purposeOf(raise)).toMatchObject({ in: 'header', required: false });
    expect(Object.keys(raise.responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '403', '404', '409', '415']),
    );
    expect(raise.responses['201'].headers['Cache-Control']).toBeDefined();
    for (const action of ['acknowledge', 'redirect', 'close'])
      expect(Object.keys(doc.paths[`/api/v1/handoffs/{id}/${action}`].post.responses)).toEqual(
        expect.arrayContaining(['200', '400', '403', '404', '409']),
      );
    expect(doc.components.schemas.Handoff.required).toEqual(
      expect.arrayContaining(['id', 'status', 'subjectRef', 'acknowledgeBy', 'history']),
    );
    expect(doc.components.schemas.HandoffCounts.required.sort()).toEqual([
      'acknowledged',
      'closed',
      'overdue',
      'raised',
    ]);
  });
});
