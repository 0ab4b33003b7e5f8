import { randomUUID } from 'node:crypto';
import { Actor } from '@intensify/contracts';
import {
  act,
  BTP,
  COMMANDER,
  forceUser,
  getHandoff,
  handoffWhen,
  LEICESTERSHIRE,
  listHandoffs,
  MERSEYSIDE,
  MET,
  minutesAgo,
  NCLCC,
  raised,
  regional,
} from './handoff-calls';

const ids = (page: { items: { id: string }[] }) => page.items.map((h) => h.id);

describe('reading hand-offs (safeguarding service)', () => {
  const operationId = randomUUID();
  let leicsToMet: any;
  let merseyToBtp: any;
  let btpToMersey: any;

  beforeAll(async () => {
    // Found two days ago: its deadline has long passed, so it goes overdue at once.
    leicsToMet = await raised({ operationId, ageGroup: 'child', foundAt: minutesAgo(2880) });
    merseyToBtp = await raised({ operationId, foundForce: MERSEYSIDE, homeForce: BTP });
    btpToMersey = await raised({ operationId, foundForce: BTP, homeForce: MERSEYSIDE });
    await act(btpToMersey.id, 'acknowledge', { owner: 'MER-SG-0500' });
    await handoffWhen(leicsToMet.id, (h) => h.overdue, 'overdue');
  });

  it.each<[string, Actor, () => string[]]>([
    ['the NCLCC', NCLCC, () => [btpToMersey.id, merseyToBtp.id, leicsToMet.id]],
    ['the found force', forceUser(LEICESTERSHIRE), () => [leicsToMet.id]],
    ['the home force', forceUser(MET), () => [leicsToMet.id]],
    ['BTP', forceUser(BTP), () => [btpToMersey.id, merseyToBtp.id]],
    ['the found region', regional('east-midlands'), () => [leicsToMet.id]],
    ['the home region', regional('london'), () => [leicsToMet.id]],
    ['another region', regional('north-west'), () => [btpToMersey.id, merseyToBtp.id]],
    ['another force', forceUser('E23000014'), () => []],
  ])('shows %s what it found or owns, newest first', async (_, actor, expected) => {
    const res = await listHandoffs({ operationId }, actor);
    expect(res.status).toBe(200);
    expect(ids(res.body)).toEqual(expected());
    for (const id of [leicsToMet.id, merseyToBtp.id, btpToMersey.id]) {
      const one = await getHandoff(id, actor);
      expect({ id, status: one.status }).toEqual({
        id,
        status: expected().includes(id) ? 200 : 403,
      });
    }
  });

  it('refuses commanders: they see counts on the board', async () => {
    expect((await listHandoffs({ operationId }, COMMANDER)).status).toBe(403);
    expect((await getHandoff(leicsToMet.id, COMMANDER)).status).toBe(403);
  });

  it('filters by home and found force, status and overdue, and pages with a cursor', async () => {
    const q = (extra: Record<string, string>) => listHandoffs({ operationId, ...extra });
    expect(ids((await q({ homeForce: MERSEYSIDE })).body)).toEqual([btpToMersey.id]);
    expect(ids((await q({ foundForce: MERSEYSIDE })).body)).toEqual([merseyToBtp.id]);
    expect(ids((await q({ status: 'acknowledged' })).body)).toEqual([btpToMersey.id]);
    expect(ids((await q({ status: 'raised', overdue: 'false' })).body)).toEqual([merseyToBtp.id]);
    expect(ids((await q({ overdue: 'true' })).body)).toEqual([leicsToMet.id]);
    const first = await q({ limit: '2' });
    expect(ids(first.body)).toEqual([btpToMersey.id, merseyToBtp.id]);
    const second = await q({ limit: '2', cursor: first.body.nextCursor });
    expect(ids(second.body)).toEqual([leicsToMet.id]);
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.items[0].history).toHaveLength(2);
  });

  it('refuses unknown or bad query parameters, naming each', async () => {
    const res = await listHandoffs({ force: MET, status: 'open', overdue: 'yes', limit: '0' });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).join(' ');
    for (const f of ['force', 'status', 'overdue', 'limit']) expect(fields).toContain(f);
    const cursor = await listHandoffs({ cursor: 'bm9wZQ' });
    expect([cursor.status, cursor.body.errors[0].field]).toEqual([400, 'cursor']);
  });

  it('answers 404 for a hand-off that does not exist', async () => {
    expect((await getHandoff(randomUUID())).status).toBe(404);
    expect((await getHandoff('not-a-uuid')).status).toBe(404);
  });
});
