import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  board,
  boardAfter,
  createActiveWeek,
  GREATER_MANCHESTER,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';

async function correct(
  outcomeId: string,
  body: object,
  opts: { key?: string; token?: string } = {},
) {
  return api('POST', `/api/v1/outcomes/${outcomeId}/corrections`, {
    token: opts.token ?? (await tokenFor({ role: 'nclcc' })),
    body,
    headers: { 'idempotency-key': opts.key ?? randomUUID() },
  });
}

async function retract(outcomeId: string, reason = 'entered twice', token?: string) {
  return api('POST', `/api/v1/outcomes/${outcomeId}/retraction`, {
    token: token ?? (await tokenFor({ role: 'nclcc' })),
    body: { reason },
  });
}

/** Tallies count only the latest live version of each outcome, whatever the history. */
describe('corrections and retractions', () => {
  let op: { id: string };
  let events = 0;
  beforeAll(async () => {
    op = await createActiveWeek('Corrections week');
  });

  it('a correction replaces the figures; history keeps every version', async () => {
    const first = {
      type: 'arrest',
      force: MERSEYSIDE,
      occurredAt: hoursAgo(5),
      count: 5,
      under18: 2,
      charged: 1,
    };
    const created = await report(op.id, first);
    expect(created.status).toBe(202);
    const fixed = await correct(created.body.id, { ...first, count: 3, under18: 1 });
    expect(fixed.status).toBe(202);
    expect(fixed.body).toEqual({ id: created.body.id, version: 2, status: 'accepted' });
    events += 2;
    const b = await boardAfter(op.id, events);
    expect(b.forces[MERSEYSIDE]).toMatchObject({ arrests: 3, arrestsUnder18: 1, charged: 1 });
    expect(b.national.arrests).toBe(3);

    const list = await api('GET', `/api/v1/operations/${op.id}/outcomes?type=arrest`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    const item = list.body.items.find((i: any) => i.id === created.body.id);
    expect(item).toMatchObject({
      version: 2,
      status: 'live',
      force: MERSEYSIDE,
      current: { count: 3, under18: 1 },
    });
    expect(item.versions.map((v: any) => [v.version, v.body.count])).toEqual([
      [1, 5],
      [2, 3],
    ]);
    expect(item.versions[0].recordedBy).toEqual({ sub: 'nclcc-national', role: 'nclcc' });
  });

  it('a correction that moves the force moves the figures', async () => {
    const seizure = {
      type: 'seizure',
      force: MET,
      occurredAt: hoursAgo(3),
      cashPence: 10_000,
      drugs: [{ drug: 'heroin', grams: 10.5 }],
    };
    const created = await report(op.id, seizure);
    const moved = await correct(created.body.id, {
      ...seizure,
      force: GREATER_MANCHESTER,
      drugs: [{ drug: 'heroin', grams: 10.25 }],
    });
    expect(moved.status).toBe(202);
    events += 2;
    const b = await boardAfter(op.id, events);
    expect(b.forces[MET].cashPence).toBe(0);
    expect(b.forces[MET].drugs.heroin.grams).toBe(0);
    expect(b.forces[GREATER_MANCHESTER]).toMatchObject({
      cashPence: 10_000,
      drugs: { heroin: { grams: 10.25 } },
    });
    expect(b.regions.london.cashPence).toBe(0);
    expect(b.regions['north-west'].cashPence).toBe(10_000);
  });

  it('a correction replays with its key and refuses another body or another type', async () => {
    const body = { type: 'safeguarding', force: MET, occurredAt: hoursAgo(2), children: 1 };
    const created = await report(op.id, body);
    const key = randomUUID();
    const a = await correct(created.body.id, { ...body, children: 2 }, { key });
    const again = await correct(created.body.id, { ...body, children: 2 }, { key });
    expect([a.status, again.status]).toEqual([202, 200]);
    expect(again.body).toEqual(a.body);
    const other = await correct(created.body.id, { ...body, children: 4 }, { key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    const typed = await correct(created.body.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(2),
      count: 1,
    });
    expect(typed.status).toBe(400);
    expect(typed.body.errors[0].field).toBe('type');
    events += 2;
    const b = await boardAfter(op.id, events);
    expect(b.forces[MET].safeguardedChildren).toBe(2);
  });

  it('a retraction takes an outcome off the board, once, and stops later corrections', async () => {
    const body = {
      type: 'line',
      force: MET,
      occurredAt: hoursAgo(1),
      action: 'closed-type2',
      ddtroGranted: 1,
    };
    const created = await report(op.id, body);
    events += 1;
    expect((await boardAfter(op.id, events)).forces[MET].lines.closedType2).toBe(1);
    const r1 = await retract(created.body.id);
    const r2 = await retract(created.body.id, 'again');
    expect([r1.status, r2.status]).toEqual([202, 200]);
    expect(r1.body).toEqual({ id: created.body.id, version: 1, status: 'accepted' });
    events += 1;
    const b = await boardAfter(op.id, events);
    expect(b.forces[MET].lines).toMatchObject({ closedType2: 0, ddtroGranted: 0 });
    const late = await correct(created.body.id, body);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('outcome_retracted');

    const list = await api('GET', `/api/v1/operations/${op.id}/outcomes?status=retracted`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(list.body.items.map((i: any) => i.id)).toEqual([created.body.id]);
    expect(list.body.items[0].retraction).toMatchObject({
      reason: 'entered twice',
      by: { role: 'nclcc' },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await board(op.id)).eventsApplied).toBe(events);
  });

  it('answers 404 for an unknown outcome and 400 for a missing reason', async () => {
    expect(
      (
        await correct(randomUUID(), {
          type: 'arrest',
          force: MET,
          occurredAt: hoursAgo(1),
          count: 1,
        })
      ).status,
    ).toBe(404);
    expect((await retract('not-an-id')).status).toBe(404);
    const created = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count: 1,
    });
    const res = await api('POST', `/api/v1/outcomes/${created.body.id}/retraction`, {
      token: await tokenFor({ role: 'nclcc' }),
      body: {},
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'reason', message: 'is required' }]);
  });
});

describe('listing outcomes', () => {
  it('filters by force and type, pages with a cursor, and shows each role only its scope', async () => {
    const op = await createActiveWeek('Listing week');
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        (
          await report(op.id, {
            type: 'arrest',
            force: MERSEYSIDE,
            occurredAt: hoursAgo(1),
            count: i + 1,
          })
        ).body.id,
      );
    await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 9 });
    await report(op.id, {
      type: 'safeguarding',
      force: MERSEYSIDE,
      occurredAt: hoursAgo(1),
      adults: 1,
    });
    const token = await tokenFor({ role: 'nclcc' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q = `force=${MERSEYSIDE}&type=arrest&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: any = await api('GET', `/api/v1/operations/${op.id}/outcomes?${q}`, { token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: any) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());

    const regional = await api('GET', `/api/v1/operations/${op.id}/outcomes`, {
      token: await tokenFor({ role: 'regional', region: 'north-west' }),
    });
    expect(regional.body.items).toHaveLength(6);
    expect(regional.body.items.every((i: any) => i.force === MERSEYSIDE)).toBe(true);
    const force = await api('GET', `/api/v1/operations/${op.id}/outcomes`, {
      token: await tokenFor({ role: 'force', force: MET }),
    });
    expect(force.body.items.map((i: any) => i.force)).toEqual([MET]);

    const bad = await api('GET', `/api/v1/operations/${op.id}/outcomes?type=burglary&colour=red`, {
      token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['colour', 'type']);
    expect(
      (await api('GET', `/api/v1/operations/${op.id}/outcomes?cursor=zzz`, { token })).status,
    ).toBe(400);
  });
});
