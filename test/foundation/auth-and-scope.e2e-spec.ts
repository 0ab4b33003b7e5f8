import { api, tokenFor } from '../support/api';
import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';

describe('authentication and scope', () => {
  let op: { id: string };
  beforeAll(async () => {
    op = await createActiveWeek('Scope week');
  });

  const arrest = (force: string) => ({ type: 'arrest', force, occurredAt: hoursAgo(1), count: 1 });

  it('401 without a token or with a bad one', async () => {
    const none = await api('POST', `/api/v1/operations/${op.id}/outcomes`, {
      body: arrest(MET),
      headers: { 'idempotency-key': 'a' },
    });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('unauthorized');
    const forged = await report(op.id, arrest(MET), {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    });
    expect(forged.status).toBe(401);
    expect((await api('GET', `/api/v1/operations/${op.id}/board`)).status).toBe(401);
    expect((await api('GET', '/api/v1/operations')).status).toBe(401);
  });

  it('403 forbidden_scope for a regional coordinator writing for another region’s force', async () => {
    const token = await tokenFor({ role: 'regional', region: 'north-west' });
    const res = await report(op.id, arrest(MET), { token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden_scope');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const own = await report(op.id, arrest(MERSEYSIDE), { token });
    expect(own.status).toBe(202);
    const btp = await report(op.id, arrest('BTP'), { token });
    expect(btp.status).toBe(403);
  });

  it('keeps force users to their own force', async () => {
    const token = await tokenFor({ role: 'force', force: MET });
    expect((await report(op.id, arrest(MET), { token })).status).toBe(202);
    expect((await report(op.id, arrest('E23000034'), { token })).status).toBe(403);
  });

  it('lets commanders read but never write', async () => {
    const token = await tokenFor({ role: 'commander' });
    const res = await report(op.id, arrest(MET), { token });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden_scope');
    const created = await api('POST', '/api/v1/operations', {
      token,
      body: { name: 'x', startsAt: '2026-10-05T00:00:00Z', endsAt: '2026-10-12T00:00:00Z' },
    });
    expect(created.status).toBe(403);
    expect((await api('GET', `/api/v1/operations/${op.id}`, { token })).status).toBe(200);
  });

  it('only the NCLCC plans weeks', async () => {
    const token = await tokenFor({ role: 'regional', region: 'london' });
    const res = await api('POST', '/api/v1/operations', {
      token,
      body: { name: 'x', startsAt: '2026-10-05T00:00:00Z', endsAt: '2026-10-12T00:00:00Z' },
    });
    expect(res.status).toBe(403);
  });

  it('shows scoped users national figures and only their own region in detail', async () => {
    await boardAfter(op.id, 2);
    const scoped = await board(op.id, await tokenFor({ role: 'commander', region: 'north-west' }));
    expect(Object.keys(scoped.regions)).toEqual(['north-west']);
    expect(Object.keys(scoped.forces).sort()).toEqual([
      'E23000002',
      'E23000003',
      'E23000004',
      'E23000005',
      'E23000006',
      'W15000001',
    ]);
    expect(scoped.national.arrests).toBe(2);
    const national = await board(op.id, await tokenFor({ role: 'commander' }));
    expect(Object.keys(national.forces)).toHaveLength(44);
  });

  it('dev tokens need the scope their role requires', async () => {
    const res = await api('POST', '/api/v1/auth/dev-token', {
      body: { sub: 'x', role: 'regional' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'region', message: 'is required' }]);
    const bad = await api('POST', '/api/v1/auth/dev-token', { body: { sub: 'x', role: 'chief' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('role');
  });
});
