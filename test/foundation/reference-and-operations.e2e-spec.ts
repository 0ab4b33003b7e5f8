import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { createActiveWeek } from '../support/scenario';

describe('reference data', () => {
  it('lists 10 regions whose forces are the 43 territorial forces', async () => {
    const res = await api('GET', '/api/v1/regions');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(10);
    const forces = res.body.flatMap((r: any) => r.forces);
    expect(new Set(forces).size).toBe(43);
    expect(res.body.find((r: any) => r.code === 'london')).toEqual({
      code: 'london',
      name: 'London',
      forces: ['E23000001', 'E23000034'],
    });
  });

  it('lists 44 forces by ONS code, BTP with no region', async () => {
    const res = await api('GET', '/api/v1/forces');
    expect(res.body).toHaveLength(44);
    expect(res.body).toContainEqual({
      code: 'BTP',
      name: 'British Transport Police',
      region: null,
    });
    expect(res.body).toContainEqual({
      code: 'W15000001',
      name: 'North Wales',
      region: 'north-west',
    });
    const codes = res.body.map((f: any) => f.code);
    for (let i = 1; i <= 39; i++) expect(codes).toContain(`E230000${String(i).padStart(2, '0')}`);
  });
});

describe('operations', () => {
  it('creates, gets and lists weeks, with status from the clock', async () => {
    const token = await tokenFor({ role: 'nclcc' });
    const active = await createActiveWeek('Listed week');
    expect(active).toMatchObject({ status: 'active', focusForces: ['E23000004'] });
    const planned = await api('POST', '/api/v1/operations', {
      token,
      body: {
        name: 'Next quarter',
        startsAt: '2099-03-04T00:00:00+00:00',
        endsAt: '2099-03-10T23:59:59+00:00',
      },
    });
    expect(planned.status).toBe(201);
    expect(planned.body).toEqual({
      id: expect.any(String),
      name: 'Next quarter',
      startsAt: '2099-03-04T00:00:00.000Z',
      endsAt: '2099-03-10T23:59:59.000Z',
      status: 'planned',
      focusForces: [],
    });
    const past = await api('POST', '/api/v1/operations', {
      token,
      body: {
        name: 'Back-loaded',
        startsAt: '2023-10-09T00:00:00+01:00',
        endsAt: '2023-10-15T23:59:59+01:00',
      },
    });
    expect(past.body.status).toBe('active');

    const got = await api('GET', `/api/v1/operations/${planned.body.id}`, {
      token: await tokenFor({ role: 'force', force: 'BTP' }),
    });
    expect(got.body).toEqual(planned.body);
    const list = await api('GET', '/api/v1/operations', { token });
    const ids = list.body.map((o: any) => o.id);
    expect(ids).toEqual(expect.arrayContaining([active.id, planned.body.id, past.body.id]));
    expect(ids.indexOf(planned.body.id)).toBeLessThan(ids.indexOf(past.body.id));
  });

  it('answers 404 not_found for unknown ids, including ones that are not UUIDs', async () => {
    const token = await tokenFor({ role: 'nclcc' });
    for (const id of [randomUUID(), 'nope']) {
      const res = await api('GET', `/api/v1/operations/${id}`, { token });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
      expect((await api('GET', `/api/v1/operations/${id}/board`, { token })).status).toBe(404);
    }
  });
});

describe('health and documentation', () => {
  it('reports ok once Kafka, PostgreSQL, Redis and the consumer are ready', async () => {
    const res = await api('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    for (const check of ['kafka', 'postgres', 'redis', 'consumer'])
      expect(res.body.checks[check].status).toBe('up');
  });

  it('serves the OpenAPI document and a browsable page', async () => {
    const doc = await api('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/operations',
        '/api/v1/operations/{id}/outcomes',
        '/api/v1/operations/{id}/board',
      ]),
    );
    const page = await api('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(String(page.body)).toMatch(/swagger/i);
  });
});
