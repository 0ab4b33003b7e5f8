import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { board, boardAfter, createActiveWeek, hoursAgo, MET, report } from '../support/scenario';

/**
 * A duplicate is counted once: the same Idempotency-Key with the same body returns the first
 * id with 200 and adds nothing to the board, even when the copies race each other.
 */
describe('idempotency keys', () => {
  let op: { id: string };
  beforeAll(async () => {
    op = await createActiveWeek('Idempotency week');
  });

  it('same key and same body: same id, 200, counted once', async () => {
    const key = randomUUID();
    const body = { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 3 };
    const first = await report(op.id, body, { key });
    const second = await report(op.id, body, { key });
    // Equal meaning, different spelling: defaults written out and keys in another order.
    const { type, force, occurredAt } = body;
    const third = await report(
      op.id,
      { count: 3, under18: 0, charged: 0, occurredAt, force, type },
      { key },
    );
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    expect(third.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(third.body.id).toBe(first.body.id);

    const marker = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
    });
    expect(marker.status).toBe(202);
    const b = await boardAfter(op.id, 2);
    expect(b.eventsApplied).toBe(2);
    expect(b.national.arrests).toBe(4);
  });

  it('same key with another body: 409 idempotency_conflict, nothing recorded', async () => {
    const key = randomUUID();
    const before = (await board(op.id)).eventsApplied;
    expect(
      (
        await report(
          op.id,
          { type: 'arrest', force: MET, occurredAt: hoursAgo(2), count: 1 },
          { key },
        )
      ).status,
    ).toBe(202);
    const conflict = await report(
      op.id,
      { type: 'arrest', force: MET, occurredAt: hoursAgo(2), count: 2 },
      { key },
    );
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(conflict.body).toMatchObject({
      status: 409,
      code: 'idempotency_conflict',
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
    const b = await boardAfter(op.id, before + 1);
    expect(b.eventsApplied).toBe(before + 1);
  });

  it('racing copies of one request are recorded once', async () => {
    const key = randomUUID();
    const before = await board(op.id);
    const body = { type: 'safeguarding', force: MET, occurredAt: hoursAgo(1), children: 2 };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => report(op.id, body, { key })),
    );
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(11);
    const b = await boardAfter(op.id, before.eventsApplied + 1);
    expect(b.national.safeguardedChildren).toBe(before.national.safeguardedChildren + 2);
    // Nothing further arrives later.
    await new Promise((r) => setTimeout(r, 500));
    expect((await board(op.id)).eventsApplied).toBe(before.eventsApplied + 1);
  });

  it('scopes keys to the operation', async () => {
    const other = await createActiveWeek('Second idempotency week');
    const key = randomUUID();
    const body = { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 1 };
    const a = await report(op.id, body, { key });
    const b = await report(other.id, body, { key });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('requires the header: 1–200 printable characters', async () => {
    const token = await tokenFor({ role: 'nclcc' });
    const body = { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 1 };
    const path = `/api/v1/operations/${op.id}/outcomes`;
    const missing = await api('POST', path, { token, body });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'is required' }]);
    const long = await api('POST', path, {
      token,
      body,
      headers: { 'idempotency-key': 'k'.repeat(201) },
    });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('Idempotency-Key');
    const longest = await api('POST', path, {
      token,
      body,
      headers: { 'idempotency-key': 'k'.repeat(200) },
    });
    expect(longest.status).toBe(202);
  });
});
