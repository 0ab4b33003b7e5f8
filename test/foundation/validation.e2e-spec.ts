import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { board, createActiveWeek, hoursAgo, MET, report } from '../support/scenario';

/** Bad input gets a 4xx problem naming each bad field, and is never counted. */
describe('validation of outcomes', () => {
  let op: { id: string; startsAt: string; endsAt: string };
  beforeAll(async () => {
    op = await createActiveWeek('Validation week');
  });

  function expectProblem(
    res: { status: number; body: any; headers: Headers },
    status: number,
    code: string,
  ) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      code,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(Array.isArray(res.body.errors)).toBe(true);
  }

  it('names each bad field', async () => {
    const res = await report(op.id, {
      type: 'arrest',
      force: 'E99999999',
      occurredAt: 'last night',
      count: 0,
      under18: -2,
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual([
      'count',
      'force',
      'occurredAt',
      'under18',
    ]);
  });

  it('names nested fields by path', async () => {
    const res = await report(op.id, {
      type: 'seizure',
      force: MET,
      occurredAt: hoursAgo(1),
      drugs: [
        { drug: 'crack', grams: 1 },
        { drug: 'spice', grams: -1 },
      ],
      weapons: { bladed: 1.5 },
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual([
      'drugs.1.drug',
      'drugs.1.grams',
      'weapons.bladed',
    ]);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const res = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
      arrestedBy: 'PC 123',
    });
    expectProblem(res, 400, 'validation_failed');
    expect(res.body.errors).toEqual([{ field: 'arrestedBy', message: 'is not a known field' }]);
  });

  it('applies the rules between fields', async () => {
    const arrest = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
      under18: 2,
    });
    expectProblem(arrest, 400, 'validation_failed');
    expect(arrest.body.errors).toEqual([{ field: 'under18', message: 'must not exceed count' }]);
    const empty = await report(op.id, {
      type: 'seizure',
      force: MET,
      occurredAt: hoursAgo(1),
      cashPence: 0,
    });
    expectProblem(empty, 400, 'validation_failed');
  });

  it('keeps occurredAt within the week and out of the future', async () => {
    const before = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: new Date(Date.parse(op.startsAt) - 1000).toISOString(),
      count: 1,
    });
    expectProblem(before, 400, 'validation_failed');
    expect(before.body.errors[0].field).toBe('occurredAt');
    const future = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      count: 1,
    });
    expectProblem(future, 400, 'validation_failed');
    expect(future.body.errors).toEqual([
      { field: 'occurredAt', message: 'must not be in the future' },
    ]);
  });

  it('answers 404 for an unknown operation and 400 for JSON that does not parse', async () => {
    const missing = await report(randomUUID(), {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
    });
    expectProblem(missing, 404, 'not_found');
    const notJson = await api('POST', `/api/v1/operations/${op.id}/outcomes`, {
      token: await tokenFor({ role: 'nclcc' }),
      raw: '{"type": "arrest",',
      headers: { 'idempotency-key': randomUUID() },
    });
    expectProblem(notJson, 400, 'validation_failed');
    expect(notJson.body.errors[0].field).toBe('body');
  });

  it('refuses bodies over 256 KiB with 413', async () => {
    const res = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
      note: 'x'.repeat(300 * 1024),
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('counts none of the rejected requests', async () => {
    const b = await board(op.id);
    expect(b.eventsApplied).toBe(0);
    expect(b.national.arrests).toBe(0);
  });
});

describe('validation of operations', () => {
  it('names bad fields and refuses an end before the start', async () => {
    const token = await tokenFor({ role: 'nclcc' });
    const bad = await api('POST', '/api/v1/operations', {
      token,
      body: { name: '', startsAt: 'soon', focusForces: ['XX'], colour: 1 },
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: any) => e.field))].sort()).toEqual([
      'colour',
      'endsAt',
      'focusForces.0',
      'name',
      'startsAt',
    ]);
    const backwards = await api('POST', '/api/v1/operations', {
      token,
      body: { name: 'W', startsAt: '2026-10-12T00:00:00Z', endsAt: '2026-10-05T00:00:00Z' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ field: 'endsAt', message: 'must be after startsAt' }]);
  });
});
