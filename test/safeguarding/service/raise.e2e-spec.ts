import { randomUUID } from 'node:crypto';
import {
  BTP,
  handoffBody,
  LEICESTERSHIRE,
  MERSEYSIDE,
  MET,
  NCLCC,
  forceUser,
  getHandoff,
  raise,
  raised,
  regional,
  COMMANDER,
  minutesAgo,
} from './handoff-calls';

const HOUR_MS = 250;

describe('raising a hand-off (safeguarding service)', () => {
  it('answers 201 with the hand-off as the contract shows it', async () => {
    const body = handoffBody({
      ageGroup: 'child',
      note: 'found in a trap house, taken to custody',
    });
    const res = await raise(body, forceUser(LEICESTERSHIRE));
    expect(res.status).toBe(201);
    const h = res.body;
    expect(h).toMatchObject({
      operationId: null,
      status: 'raised',
      foundForce: LEICESTERSHIRE,
      homeForce: MET,
      subjectRef: body.subjectRef,
      ageGroup: 'child',
      concerns: ['criminal-exploitation', 'missing'],
      foundAt: body.foundAt,
      overdue: false,
      escalatedAt: null,
      owner: null,
      outcome: null,
      note: 'found in a trap house, taken to custody',
      previousHandoffs: [],
    });
    // A child's 24 hours, each HANDOFF_HOUR_MS long, from when the child was found.
    expect(Date.parse(h.acknowledgeBy) - Date.parse(body.foundAt)).toBe(24 * HOUR_MS);
    expect(h.history).toEqual([
      expect.objectContaining({
        action: 'raise',
        by: { sub: `lead-${LEICESTERSHIRE}`, role: 'force', force: LEICESTERSHIRE },
      }),
    ]);
    expect((await getHandoff(h.id)).body).toEqual(h);
  });

  it('gives an adult 72 hours', async () => {
    const body = handoffBody({ concerns: ['cuckooing'] });
    const h = (await raise(body)).body;
    expect(Date.parse(h.acknowledgeBy) - Date.parse(body.foundAt)).toBe(72 * HOUR_MS);
  });

  it('answers a replay with the same hand-off and another body under the key with 409', async () => {
    const key = randomUUID();
    const body = handoffBody();
    const first = await raise(body, NCLCC, key);
    const again = await raise(body, NCLCC, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const other = await raise({ ...body, ageGroup: 'child' }, NCLCC, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    // Counted once: the subject has one hand-off, not two.
    const next = await raised({ subjectRef: body.subjectRef });
    expect(next.previousHandoffs).toEqual([first.body.id]);
  });

  it('lists earlier hand-offs of the same subject, newest first', async () => {
    const first = await raised();
    const subjectRef = first.subjectRef;
    const second = await raised({ subjectRef, foundForce: MERSEYSIDE });
    const third = await raised({ subjectRef, homeForce: BTP });
    expect(third.previousHandoffs).toEqual([second.id, first.id]);
    expect((await getHandoff(first.id)).body.previousHandoffs).toEqual([]);
  });

  it('refuses bad bodies naming every bad field, and a missing key', async () => {
    const future = await raise(
      handoffBody({ foundAt: new Date(Date.now() + 60_000).toISOString() }),
    );
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['foundAt']);
    const same = await raise(handoffBody({ homeForce: LEICESTERSHIRE }));
    expect(same.status).toBe(400);
    expect(same.body.errors.map((e: { field: string }) => e.field)).toEqual(['homeForce']);
    const bad = await raise({ ...handoffBody({ concerns: [], ageGroup: 'teen' }), extra: 1 });
    expect(bad.status).toBe(400);
    const fields = bad.body.errors.map((e: { field: string }) => e.field).join(' ');
    for (const f of ['concerns', 'ageGroup', 'extra']) expect(fields).toContain(f);
    const named = await raise(handoffBody({ note: 'Mr Brown collected him' }));
    expect(named.status).toBe(400);
    expect(named.body.errors[0].field).toBe('note');
    const noKey = await raise(handoffBody(), NCLCC, null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('lets the found force, its region and the NCLCC raise, nobody else', async () => {
    for (const actor of [forceUser(LEICESTERSHIRE), regional('east-midlands'), NCLCC])
      expect((await raise(handoffBody(), actor)).status).toBe(201);
    for (const actor of [forceUser(MET), regional('london'), COMMANDER]) {
      const res = await raise(handoffBody(), actor);
      expect({ actor: actor.sub, status: res.status, code: res.body.code }).toEqual({
        actor: actor.sub,
        status: 403,
        code: 'forbidden_scope',
      });
    }
  });

  it('starts the clock when the child was found, even long ago', async () => {
    const h = await raised({ foundAt: minutesAgo(60) });
    expect(Date.parse(h.acknowledgeBy)).toBeLessThan(Date.now());
  });
});
