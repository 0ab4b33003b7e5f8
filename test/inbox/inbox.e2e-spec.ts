import { randomUUID } from 'node:crypto';
import { api, tokenFor, Who } from '../support/api';
import { MET, raised } from '../support/handoffs';
import { awaitNotification, freshUser, InboxItem, inboxOf, markRead } from '../support/inbox';
import { rebuildReadModels } from '../support/rebuild';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';
import { readEvents } from '../support/sse';
import { issue, taskingBody } from '../support/taskings';

/** Devon and Cornwall, in the south-west: a force few other suites task. */
const DEVON = 'E23000035';

const fieldsOf = (body: { errors: { field: string }[] }) =>
  [...new Set(body.errors.map((e) => e.field))].sort();

describe('inbox: notifications addressed by role and scope, read per user', () => {
  let operationId: string;
  const devonUser = freshUser({ role: 'force', force: DEVON });
  const devonColleague = freshUser({ role: 'force', force: DEVON });
  const southWest = freshUser({ role: 'regional', region: 'south-west' });
  const london = freshUser({ role: 'regional', region: 'london' });
  const nclcc = freshUser({ role: 'nclcc' });
  let taskingId: string;
  let issued: InboxItem;

  const isIssue = (n: InboxItem) => n.kind === 'tasking.issued' && n.taskingId === taskingId;

  beforeAll(async () => {
    operationId = (await createActiveWeek('Inbox week')).id;
    const res = await issue(operationId, taskingBody(DEVON));
    expect(res.status).toBe(201);
    taskingId = res.body.id;
    issued = await awaitNotification(devonUser, isIssue, 'the tasking in the Devon user’s inbox');
  });

  it('tells the tasked force and its regional coordinator, unread; not another region', async () => {
    expect(issued).toMatchObject({
      operationId,
      taskingId,
      force: DEVON,
      region: 'south-west',
      read: false,
      title: 'New P2 tasking for Devon and Cornwall',
      href: `/taskings?operation=${operationId}&tasking=${taskingId}`,
    });
    const regional = await inboxOf(southWest);
    expect(regional.items.find(isIssue)).toMatchObject({ id: issued.id, read: false });
    // Written in the same transaction as the Devon user's copy: absent now means never.
    expect((await inboxOf(london)).items.some(isIssue)).toBe(false);
    expect((await inboxOf(nclcc)).items.some(isIssue)).toBe(false);
    const unread = await api('GET', '/api/v1/inbox/unread-count', {
      token: await tokenFor(devonUser),
    });
    expect(unread.status).toBe(200);
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('keeps a read mark for the user who made it alone', async () => {
    const before = (await inboxOf(devonUser)).unread;
    const res = await markRead(devonUser, { ids: [issued.id] });
    expect(res.status).toBe(200);
    expect(res.body.unread).toBeLessThan(before + 1);
    expect((await inboxOf(devonUser)).items.find(isIssue)?.read).toBe(true);
    const unreadOnly = await inboxOf(devonUser, { unread: 'true' });
    expect(unreadOnly.items.some(isIssue)).toBe(false);
    // The same force, another user: still unread for them.
    expect((await inboxOf(devonColleague)).items.find(isIssue)?.read).toBe(false);
    expect((await inboxOf(devonColleague, { unread: 'true' })).items.some(isIssue)).toBe(true);
    // Marking again changes nothing.
    expect((await markRead(devonUser, { ids: [issued.id] })).status).toBe(200);
  });

  it('tells the home region and the NCLCC of an overdue hand-off, and marks all read', async () => {
    // A child: 24 scaled hours to acknowledge, a few seconds at the tests' hour.
    const h = await raised({ ageGroup: 'child', homeForce: MET });
    const overdue = (n: InboxItem) => n.kind === 'handoff.overdue' && n.handoffId === h.id;
    const seen = await awaitNotification(
      nclcc,
      overdue,
      'the overdue hand-off at the NCLCC',
      40_000,
    );
    expect(seen).toMatchObject({ force: MET, region: 'london', read: false });
    expect(seen.href).toBe(`/safeguarding?handoff=${h.id}`);
    expect(JSON.stringify(seen)).not.toContain(h.subjectRef);
    expect((await inboxOf(london)).items.some(overdue)).toBe(true);
    const raisedNote = (n: InboxItem) => n.kind === 'handoff.raised' && n.handoffId === h.id;
    expect((await inboxOf(london)).items.some(raisedNote)).toBe(true);
    expect((await inboxOf(nclcc)).items.some(raisedNote)).toBe(false);

    const all = await markRead(nclcc, { all: true });
    expect(all.status).toBe(200);
    expect((await inboxOf(nclcc)).items.find(overdue)?.read).toBe(true);
  });

  it('pushes the unread count and the newest on connect, on a new notification and on a read', async () => {
    const viewer = freshUser({ role: 'force', force: DEVON });
    const url = `${runEnv().gatewayUrl}/api/v1/inbox/stream?access_token=${await tokenFor(viewer)}`;
    let id = '';
    let noteId = '';
    const frames = await readEvents<{ unread: number; latest: InboxItem[] }>(
      url,
      'inbox',
      (fs) => {
        const note = fs.flatMap((f) => f.latest).find((n) => n.taskingId === id);
        if (note && !noteId) {
          noteId = note.id;
          void markRead(viewer, { ids: [noteId] });
        }
        return fs.some((f) => f.latest.some((n) => n.id === noteId && n.read));
      },
      async () => {
        id = (await issue(operationId, taskingBody(DEVON, { priority: 'P1' }))).body.id;
      },
      30_000,
    );
    expect(frames[0]).toEqual({ unread: expect.any(Number), latest: expect.any(Array) });
    const arrived = frames.find((f) => f.latest.some((n) => n.taskingId === id && !n.read));
    expect(arrived?.latest.find((n) => n.taskingId === id)).toMatchObject({
      kind: 'tasking.issued',
      title: 'New P1 tasking for Devon and Cornwall',
    });
    const last = frames[frames.length - 1];
    expect(last.latest.find((n) => n.id === noteId)?.read).toBe(true);
  });

  it('keeps the notifications, their ids and the read marks through a rebuild', async () => {
    await rebuildReadModels();
    const afterDevon = await awaitNotification(devonUser, isIssue, 'the tasking after the rebuild');
    expect(afterDevon).toMatchObject({ id: issued.id, read: true });
    expect((await inboxOf(devonColleague)).items.find(isIssue)).toMatchObject({
      id: issued.id,
      read: false,
    });
  }, 180_000);

  describe('refusals', () => {
    // Every row names its body, so that jest passes no `done` callback in its place.
    const routes: [string, string, unknown][] = [
      ['GET', '/api/v1/inbox', undefined],
      ['GET', '/api/v1/inbox/unread-count', undefined],
      ['POST', '/api/v1/inbox/read', { all: true }],
      ['GET', '/api/v1/inbox/stream', undefined],
    ];

    it.each(routes)('refuses %s %s without a token (401)', async (method, path, body) => {
      const res = await api(method, path, { body });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    });

    it('refuses to mark read what is not in your inbox, and marks nothing then (403)', async () => {
      const res = await markRead(london, { ids: [issued.id] });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden_scope');
      const other = await markRead(devonColleague, { ids: [issued.id, randomUUID()] });
      expect(other.status).toBe(403);
      expect((await inboxOf(devonColleague)).items.find(isIssue)?.read).toBe(false);
    });

    it('names every bad field (400)', async () => {
      const bad = async (who: Who, body: unknown) => {
        const res = await markRead(who, body);
        expect(res.status).toBe(400);
        return fieldsOf(res.body);
      };
      expect(await bad(devonUser, { ids: ['not-an-id'] })).toEqual(['ids.0']);
      expect(
        await bad(devonUser, { ids: Array.from({ length: 201 }, () => randomUUID()) }),
      ).toEqual(['ids']);
      expect(await bad(devonUser, { ids: [] })).toEqual(['ids']);
      expect(await bad(devonUser, { all: false })).toEqual(['all']);
      expect(await bad(devonUser, { all: true, extra: 1 })).toEqual(['extra']);
      expect(await bad(devonUser, {})).toEqual(['body']);
      const token = await tokenFor(devonUser);
      const list = async (query: string) => {
        const res = await api('GET', `/api/v1/inbox?${query}`, { token });
        expect(res.status).toBe(400);
        return fieldsOf(res.body);
      };
      expect(await list('unread=maybe')).toEqual(['unread']);
      expect(await list('limit=0&cursor=bm90LW91cnM')).toEqual(['limit']);
      expect(await list('cursor=bm90LW91cnM')).toEqual(['cursor']);
      expect(await list('force=E23000035')).toEqual(['force']);
    });
  });
});
