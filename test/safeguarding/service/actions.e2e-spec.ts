import { randomUUID } from 'node:crypto';
import {
  act,
  BTP,
  COMMANDER,
  forceUser,
  getHandoff,
  LEICESTERSHIRE,
  MERSEYSIDE,
  MET,
  NCLCC,
  raised,
  regional,
} from './handoff-calls';

const HOUR_MS = 250;

describe('acting on a hand-off (safeguarding service)', () => {
  it('acknowledges with an owner, then closes with an outcome, in the history', async () => {
    const h = await raised();
    const met = forceUser(MET);
    const ack = await act(h.id, 'acknowledge', { owner: 'MET-SG-0042' }, met);
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', owner: 'MET-SG-0042' });
    const closed = await act(h.id, 'close', { outcome: 'visited', note: 'home visit done' }, met);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'visited' });
    expect(closed.body.history.map((e: { action: string }) => e.action)).toEqual([
      'raise',
      'acknowledge',
      'close',
    ]);
    expect(closed.body.history[1]).toMatchObject({ owner: 'MET-SG-0042', by: { sub: met.sub } });
    expect(closed.body.history[2]).toMatchObject({ outcome: 'visited', note: 'home visit done' });
    expect((await getHandoff(h.id)).body).toEqual(closed.body);
  });

  it('refuses what the state does not allow with 409 illegal_transition', async () => {
    const h = await raised();
    const close = await act(h.id, 'close', { outcome: 'visited' });
    expect([close.status, close.body.code]).toEqual([409, 'illegal_transition']);
    await act(h.id, 'acknowledge', { owner: 'MET-SG-0001' });
    const twice = await act(h.id, 'acknowledge', { owner: 'MET-SG-0002' });
    expect([twice.status, twice.body.code]).toEqual([409, 'illegal_transition']);
    await act(h.id, 'close', { outcome: 'no-further-action' });
    for (const [action, body] of [
      ['acknowledge', { owner: 'MET-SG-0003' }],
      ['redirect', { homeForce: MERSEYSIDE, reason: 'wrong force' }],
      ['close', { outcome: 'visited' }],
    ] as const) {
      const res = await act(h.id, action, body);
      expect({ action, status: res.status, code: res.body.code }).toEqual({
        action,
        status: 409,
        code: 'illegal_transition',
      });
    }
    expect((await getHandoff(h.id)).body.owner).toBe('MET-SG-0001');
  });

  it('answers a replayed action with its first answer, and another body under the key with 409', async () => {
    const h = await raised();
    const key = randomUUID();
    const first = await act(h.id, 'acknowledge', { owner: 'MET-SG-0100' }, NCLCC, key);
    const again = await act(h.id, 'acknowledge', { owner: 'MET-SG-0100' }, NCLCC, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const other = await act(h.id, 'acknowledge', { owner: 'MET-SG-0101' }, NCLCC, key);
    expect([other.status, other.body.code]).toEqual([409, 'idempotency_conflict']);
    expect((await getHandoff(h.id)).body.history).toHaveLength(2);
    const noKey = await act(h.id, 'close', { outcome: 'visited' }, NCLCC, null);
    expect([noKey.status, noKey.body.errors[0].field]).toEqual([400, 'Idempotency-Key']);
  });

  it('redirects to a new home force with a new deadline from now and no owner', async () => {
    const h = await raised();
    await act(h.id, 'acknowledge', { owner: 'MET-SG-0200' });
    const before = Date.now();
    const res = await act(
      h.id,
      'redirect',
      { homeForce: MERSEYSIDE, reason: 'lives on the Wirral' },
      regional('london'),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'raised',
      homeForce: MERSEYSIDE,
      owner: null,
      overdue: false,
    });
    const from = Date.parse(res.body.acknowledgeBy) - 72 * HOUR_MS;
    expect(from).toBeGreaterThanOrEqual(before - 50);
    expect(from).toBeLessThanOrEqual(Date.now());
    expect(res.body.history[2]).toMatchObject({
      action: 'redirect',
      from: MET,
      homeForce: MERSEYSIDE,
      reason: 'lives on the Wirral',
    });
    // Now it is Merseyside's: the Met may no longer act on it.
    const met = await act(h.id, 'acknowledge', { owner: 'MET-SG-0201' }, forceUser(MET));
    expect(met.status).toBe(403);
    const mersey = await act(h.id, 'acknowledge', { owner: 'MER-SG-0001' }, forceUser(MERSEYSIDE));
    expect(mersey.body).toMatchObject({ status: 'acknowledged', owner: 'MER-SG-0001' });
  });

  it('refuses a redirect to the same home force or to the found force, naming homeForce', async () => {
    const h = await raised();
    for (const homeForce of [MET, LEICESTERSHIRE]) {
      const res = await act(h.id, 'redirect', { homeForce, reason: 'check' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['homeForce']);
    }
    expect((await getHandoff(h.id)).body.history).toHaveLength(1);
  });

  it('refuses bad bodies naming the field, and unknown actions or hand-offs', async () => {
    const h = await raised();
    const named = await act(h.id, 'acknowledge', { owner: 'John Smith' });
    expect([named.status, named.body.errors[0].field]).toEqual([400, 'owner']);
    const email = await act(h.id, 'redirect', { homeForce: BTP, reason: 'mum is a.b@example.org' });
    expect([email.status, email.body.errors[0].field]).toEqual([400, 'reason']);
    const extra = await act(h.id, 'close', { outcome: 'visited', by: 'me' });
    expect(extra.status).toBe(400);
    expect((await act(h.id, 'escalate', {})).status).toBe(404);
    expect((await act(randomUUID(), 'acknowledge', { owner: 'MET-SG-0300' })).status).toBe(404);
  });

  it('lets the home force, its region and the NCLCC act, nobody else', async () => {
    for (const actor of [
      forceUser(LEICESTERSHIRE),
      regional('east-midlands'),
      forceUser(MERSEYSIDE),
      COMMANDER,
    ]) {
      const h = await raised();
      const res = await act(h.id, 'acknowledge', { owner: 'MET-SG-0400' }, actor);
      expect({ actor: actor.sub, status: res.status }).toEqual({ actor: actor.sub, status: 403 });
    }
    for (const actor of [forceUser(MET), regional('london'), NCLCC]) {
      const h = await raised();
      const res = await act(h.id, 'acknowledge', { owner: 'MET-SG-0401' }, actor);
      expect({ actor: actor.sub, status: res.status }).toEqual({ actor: actor.sub, status: 200 });
    }
  });
});
