import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  acted,
  actOn,
  GREATER_MANCHESTER,
  handoffHourMs,
  LEICESTERSHIRE,
  MET,
  raised,
  readHandoff,
  tokenOf,
} from '../support/handoffs';

const fieldsOf = (body: { errors: { field: string }[] }) =>
  [...new Set(body.errors.map((e) => e.field))].sort();

describe('safeguarding: acknowledge, redirect and close through the public API', () => {
  it('acknowledges with an owner, then closes with an outcome; the history keeps every step', async () => {
    const h = await raised();
    const ack = await actOn(h.id, 'acknowledge', { owner: 'MET-PC-4411' });
    expect(ack.status).toBe(200);
    expect(ack.headers.get('cache-control')).toBe('no-store');
    expect(ack.body).toMatchObject({ id: h.id, status: 'acknowledged', owner: 'MET-PC-4411' });
    const closed = await acted(h.id, 'close', { outcome: 'referred-to-local-authority' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'referred-to-local-authority' });
    const read = (await readHandoff(h.id)).body;
    expect(read.history.map((e: { action: string }) => e.action)).toEqual([
      'raise',
      'acknowledge',
      'close',
    ]);
    expect(read.history[1]).toMatchObject({
      by: expect.objectContaining({ sub: 'sg-met', role: 'force', force: MET }),
    });
    for (let i = 1; i < read.history.length; i++)
      expect(Date.parse(read.history[i].at)).toBeGreaterThanOrEqual(
        Date.parse(read.history[i - 1].at),
      );
  });

  it('redirects to the right home force with a new deadline from now, back to raised', async () => {
    const h = await raised();
    await acted(h.id, 'acknowledge', { owner: 'MET-PC-4411' });
    const before = Date.now();
    const res = await actOn(h.id, 'redirect', {
      homeForce: GREATER_MANCHESTER,
      reason: 'family moved to Salford last month',
    });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({
      status: 'raised',
      homeForce: GREATER_MANCHESTER,
      foundForce: LEICESTERSHIRE,
      owner: null,
    });
    const deadline = Date.parse(r.acknowledgeBy);
    expect(deadline).toBeGreaterThanOrEqual(before + 72 * handoffHourMs() - 1000);
    expect(deadline).toBeGreaterThan(Date.parse(h.acknowledgeBy));
    expect(r.history.at(-1)).toMatchObject({ action: 'redirect' });
    // The new home force now owns what happens next; the old one no longer may act.
    const byOldHome = await actOn(h.id, 'acknowledge', { owner: 'MET-PC-4411' });
    expect(byOldHome.status).toBe(403);
    expect(byOldHome.body.code).toBe('forbidden_scope');
    const gmp = await tokenFor({ role: 'force', force: GREATER_MANCHESTER, sub: 'sg-gmp' });
    expect((await actOn(h.id, 'acknowledge', { owner: 'GMP-DC-17' }, { token: gmp })).status).toBe(
      200,
    );
  });

  it('answers an action its state does not allow with 409 illegal_transition', async () => {
    const h = await raised();
    const early = await actOn(h.id, 'close', { outcome: 'visited' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('illegal_transition');
    await acted(h.id, 'acknowledge', { owner: 'MET-PC-4411' });
    const twice = await actOn(h.id, 'acknowledge', { owner: 'MET-PC-9' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('illegal_transition');
    await acted(h.id, 'close', { outcome: 'no-further-action' });
    for (const [action, body] of [
      ['acknowledge', { owner: 'MET-PC-4411' }],
      ['redirect', { homeForce: GREATER_MANCHESTER, reason: 'moved' }],
      ['close', { outcome: 'visited' }],
    ] as const) {
      const res = await actOn(h.id, action, body);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('illegal_transition');
    }
  });

  it('answers a replayed action 200 with the same hand-off, another body under its key 409', async () => {
    const h = await raised();
    const key = randomUUID();
    const first = await actOn(h.id, 'acknowledge', { owner: 'MET-PC-4411' }, { key });
    const again = await actOn(h.id, 'acknowledge', { owner: 'MET-PC-4411' }, { key });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const other = await actOn(h.id, 'acknowledge', { owner: 'MET-PC-12' }, { key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    const read = (await readHandoff(h.id)).body;
    expect(read.history.filter((e: { action: string }) => e.action === 'acknowledge')).toHaveLength(
      1,
    );
  });

  describe('refuses bad action bodies with 400 naming the field', () => {
    let id: string;
    beforeAll(async () => {
      id = (await raised()).id;
    });

    it.each([
      ['acknowledge', {}, ['owner']],
      ['acknowledge', { owner: 'PC Jack Smith' }, ['owner']],
      ['acknowledge', { owner: 'KAYDEN-01' }, ['owner']],
      ['acknowledge', { owner: 'MET-1', extra: true }, ['extra']],
      ['redirect', { homeForce: GREATER_MANCHESTER }, ['reason']],
      ['redirect', { homeForce: 'X', reason: 'moved' }, ['homeForce']],
      ['redirect', { homeForce: GREATER_MANCHESTER, reason: 'ring 0161 496 0000' }, ['reason']],
      ['redirect', { homeForce: LEICESTERSHIRE, reason: 'lives where found' }, ['homeForce']],
      ['redirect', { homeForce: MET, reason: 'same force again' }, ['homeForce']],
      ['close', { outcome: 'done' }, ['outcome']],
      ['close', { outcome: 'visited', note: 'email mum on a.b@example.org' }, ['note']],
    ])('%s %j', async (action, body, fields) => {
      const res = await actOn(id, action, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(fieldsOf(res.body)).toEqual(fields);
    });

    it('requires an Idempotency-Key and names it beside the body', async () => {
      const res = await actOn(id, 'acknowledge', {}, { key: null });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['Idempotency-Key', 'owner']);
    });
  });

  it('answers 404 for a hand-off that does not exist, and for an action that does not', async () => {
    const missing = await actOn(randomUUID(), 'acknowledge', { owner: 'MET-PC-4411' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    const h = await raised();
    const promote = await api('POST', `/api/v1/handoffs/${h.id}/promote`, {
      token: await tokenOf('homeForce'),
      body: {},
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(promote.status).toBe(404);
  });

  it('replays a redirect 200 to the home force that sent it, though the hand-off moved on', async () => {
    const h = await raised();
    const key = randomUUID();
    const body = { homeForce: GREATER_MANCHESTER, reason: 'family moved' };
    const first = await actOn(h.id, 'redirect', body, { key });
    const again = await actOn(h.id, 'redirect', body, { key });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const other = await tokenFor({ role: 'force', force: 'E23000004', sub: 'sg-mer-replay' });
    expect((await actOn(h.id, 'redirect', body, { key, token: other })).status).toBe(403);
  });
});
