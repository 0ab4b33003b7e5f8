import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  accessLogFor,
  acted,
  actOn,
  HANDOFF_PURPOSE,
  handoffStreamUrl,
  raised,
  raiseHandoff,
  handoffBody,
  handoffHourMs,
  tokenOf,
} from '../support/handoffs';
import { createActiveWeek } from '../support/scenario';
import { readEvents } from '../support/sse';

/** A reader of its own, so its entries are told apart from everyone else's. */
async function reader() {
  const sub = `sg-reader-${randomUUID()}`;
  return { sub, token: await tokenFor({ role: 'nclcc', sub }) };
}

const entriesBy = (entries: any[], sub: string) => entries.filter((e) => e.who.sub === sub);

describe('safeguarding: hand-offs are person-level data', () => {
  let weekId: string;
  let handoff: any;

  beforeAll(async () => {
    weekId = (await createActiveWeek('Hand-off access week')).id;
    handoff = await raised({ operationId: weekId });
  });

  const READS = [
    { name: 'one hand-off', path: () => `/api/v1/handoffs/${handoff.id}`, route: ':id' },
    { name: 'the list', path: () => `/api/v1/handoffs?operationId=${weekId}`, route: '' },
  ];

  it.each(READS)(
    '$name: 400 purpose_required without X-Purpose; with it, no-store and an entry naming the subject',
    async (read) => {
      const { sub, token } = await reader();
      const none = await api('GET', read.path(), { token, purpose: null });
      expect(none.status).toBe(400);
      expect(none.body.code).toBe('purpose_required');
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'X-Purpose' })]);
      const tooLong = await api('GET', read.path(), { token, purpose: 'x'.repeat(201) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.code).toBe('purpose_required');

      const res = await api('GET', read.path(), { token, purpose: HANDOFF_PURPOSE });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const mine = entriesBy(await accessLogFor(handoff.subjectRef), sub);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        purpose: HANDOFF_PURPOSE,
        who: { sub, role: 'nclcc' },
        what: {
          data: 'hand-offs',
          route: `GET /api/v1/handoffs${read.route ? `/${read.route}` : ''}`,
          resourceIds: expect.arrayContaining([handoff.id]),
          subjectRefs: expect.arrayContaining([handoff.subjectRef]),
        },
      });
    },
  );

  it('logs writes, which answer with the subject, without asking them for a purpose', async () => {
    const sub = `sg-writer-${randomUUID()}`;
    const token = await tokenFor({ role: 'nclcc', sub });
    const body = handoffBody({ operationId: weekId });
    const raisedRes = await raiseHandoff(body, { token });
    expect(raisedRes.status).toBe(201);
    expect(raisedRes.headers.get('cache-control')).toBe('no-store');
    const ack = await actOn(
      raisedRes.body.id,
      'acknowledge',
      { owner: 'MET-PC-4411' },
      {
        token,
        purpose: 'Taking ownership for the Met',
      },
    );
    expect(ack.status).toBe(200);
    const mine = entriesBy(await accessLogFor(body.subjectRef as string), sub);
    expect(mine.map((e) => e.what.route).sort()).toEqual([
      'POST /api/v1/handoffs',
      'POST /api/v1/handoffs/:id/acknowledge',
    ]);
    const ackEntry = mine.find((e) => e.what.route.endsWith('acknowledge'));
    expect(ackEntry.purpose).toBe('Taking ownership for the Met');
    expect(ackEntry.what.resourceIds).toContain(raisedRes.body.id);
  });

  it('refused writes disclose nothing and are not logged', async () => {
    const sub = `sg-refused-${randomUUID()}`;
    const token = await tokenFor({ role: 'force', force: 'E23000004', sub });
    const res = await actOn(handoff.id, 'acknowledge', { owner: 'MER-PC-1' }, { token });
    expect(res.status).toBe(403);
    expect(entriesBy(await accessLogFor(handoff.subjectRef), sub)).toEqual([]);
  });

  it('stream: 400 without ?purpose=, no-store, and its entry names what it sent', async () => {
    const { sub, token } = await reader();
    const none = await fetch(handoffStreamUrl(token, { operationId: weekId, purpose: null }));
    expect(none.status).toBe(400);
    expect(((await none.json()) as { code: string }).code).toBe('purpose_required');

    const url = handoffStreamUrl(token, { operationId: weekId, purpose: 'Inbox watch' });
    const head = await fetch(url);
    expect(head.headers.get('cache-control')).toBe('no-store');
    await head.body?.cancel();
    const [first] = await readEvents(url, 'handoffs', (e) => e.length >= 1);
    expect(first.items.map((h: { id: string }) => h.id)).toContain(handoff.id);
    const mine = entriesBy(await accessLogFor(handoff.subjectRef), sub);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine[0]).toMatchObject({
      purpose: 'Inbox watch',
      what: { route: 'GET /api/v1/handoffs/stream' },
    });
  });

  it('stream: a change arrives live, and its new subject is logged before it is sent', async () => {
    const { sub, token } = await reader();
    const week = (await createActiveWeek('Hand-off stream week')).id;
    const before = await raised({ operationId: week });
    let late: any;
    const frames = await readEvents(
      handoffStreamUrl(token, { operationId: week }),
      'handoffs',
      (events) =>
        !!late &&
        events.some((f) =>
          f.items.some((h: any) => h.id === late.id && h.status === 'acknowledged'),
        ),
      async () => {
        late = await raised({ operationId: week });
        await acted(late.id, 'acknowledge', { owner: 'MET-PC-4411' });
      },
      20_000,
    );
    expect(frames[0]).toEqual({
      operationId: week,
      items: [expect.objectContaining({ id: before.id })],
    });
    const last = frames.at(-1)!;
    expect(last.items.map((h: { id: string }) => h.id).sort()).toEqual([before.id, late.id].sort());
    const logged = entriesBy(await accessLogFor(late.subjectRef), sub);
    expect(logged).toHaveLength(1);
    expect(logged[0].what.resourceIds).toEqual(expect.arrayContaining([before.id, late.id]));
  });

  it('stream without a week: every hand-off in scope, the inbox of the home force', async () => {
    const token = await tokenOf('homeForce');
    let fresh: any;
    const frames = await readEvents(
      handoffStreamUrl(token),
      'handoffs',
      (events) => !!fresh && events.some((f) => f.items.some((h: any) => h.id === fresh.id)),
      async () => {
        fresh = await raised({});
      },
      20_000,
    );
    expect(frames[0].operationId).toBeNull();
    expect(frames[0].items.map((h: { id: string }) => h.id)).toContain(handoff.id);
    for (const f of frames)
      expect(
        f.items.every((h: any) => h.homeForce === 'E23000001' || h.foundForce === 'E23000001'),
      ).toBe(true);
  });

  it('stream: a deadline passing arrives live, escalated, without anyone writing', async () => {
    const week = (await createActiveWeek('Hand-off overdue stream week')).id;
    // A child found almost 24 (scaled) hours ago: overdue within a second or two.
    const foundAt = new Date(Date.now() - 24 * handoffHourMs() + 1500).toISOString();
    const child = await raised({ operationId: week, ageGroup: 'child', foundAt });
    expect(child.overdue).toBe(false);
    const frames = await readEvents(
      handoffStreamUrl(await tokenOf('homeRegion'), { operationId: week }),
      'handoffs',
      (events) => events.some((f) => f.items.some((h: any) => h.id === child.id && h.overdue)),
      undefined,
      20_000,
    );
    const overdue = frames.at(-1)!.items.find((h: any) => h.id === child.id);
    expect(overdue).toMatchObject({ status: 'raised', overdue: true });
    expect(Date.parse(overdue.escalatedAt)).toBeGreaterThanOrEqual(Date.parse(child.acknowledgeBy));
  });
});
