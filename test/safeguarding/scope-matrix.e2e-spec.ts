import { api } from '../support/api';
import {
  actOn,
  BTP,
  everyHandoff,
  handoffBody,
  handoffStreamUrl,
  Part,
  PARTS,
  raised,
  raiseHandoff,
  readHandoff,
  tokenOf,
} from '../support/handoffs';
import { createActiveWeek } from '../support/scenario';
import { readEvents } from '../support/sse';

/**
 * Who may do what with a hand-off from Leicestershire (east-midlands) to the Met (london): the
 * one policy, from outside. Raise: where the person was found. Act: where home is. Read: both.
 */
const EVERYONE = Object.keys(PARTS) as Part[];
const RAISE: Part[] = ['nclcc', 'foundForce', 'foundRegion'];
const ACT: Part[] = ['nclcc', 'homeForce', 'homeRegion'];
const READ: Part[] = ['nclcc', 'foundForce', 'homeForce', 'foundRegion', 'homeRegion'];
const COMMANDERS: Part[] = ['commander', 'regionalCommander'];

const expected = (allowed: Part[]) =>
  Object.fromEntries(EVERYONE.map((p) => [p, allowed.includes(p) ? 'allowed' : 403]));

async function byPart(run: (part: Part) => Promise<number>, allowedStatus: number) {
  const seen: Record<string, number | string> = {};
  for (const part of EVERYONE) {
    const status = await run(part);
    seen[part] = status === allowedStatus ? 'allowed' : status;
  }
  return seen;
}

describe('safeguarding: the scope matrix of hand-offs', () => {
  let weekId: string;
  let handoff: any;
  let btpFound: any;

  beforeAll(async () => {
    weekId = (await createActiveWeek('Hand-off scope week')).id;
    handoff = await raised({ operationId: weekId });
    btpFound = await raised({ operationId: weekId, foundForce: BTP }, await tokenOf('btp'));
  });

  it('raise: the found force, its region and the NCLCC; everyone else 403', async () => {
    const seen = await byPart(
      async (part) => (await raiseHandoff(handoffBody(), { token: await tokenOf(part) })).status,
      201,
    );
    expect(seen).toEqual(expected(RAISE));
  });

  it('raise for BTP: BTP itself and the NCLCC; no region covers BTP', async () => {
    const seen = await byPart(
      async (part) =>
        (await raiseHandoff(handoffBody({ foundForce: BTP }), { token: await tokenOf(part) }))
          .status,
      201,
    );
    expect(seen).toEqual(expected(['nclcc', 'btp']));
  });

  it('acknowledge: the home force, its region and the NCLCC; the found force too is 403', async () => {
    const seen = await byPart(async (part) => {
      const fresh = await raised({ operationId: weekId });
      return (
        await actOn(
          fresh.id,
          'acknowledge',
          { owner: 'MET-PC-4411' },
          {
            token: await tokenOf(part),
          },
        )
      ).status;
    }, 200);
    expect(seen).toEqual(expected(ACT));
  });

  it('redirect and close follow the same rule', async () => {
    const redirects = await byPart(async (part) => {
      const fresh = await raised({ operationId: weekId });
      const body = { homeForce: 'E23000005', reason: 'family moved' };
      return (await actOn(fresh.id, 'redirect', body, { token: await tokenOf(part) })).status;
    }, 200);
    expect(redirects).toEqual(expected(ACT));
    const closes = await byPart(async (part) => {
      const fresh = await raised({ operationId: weekId });
      await actOn(fresh.id, 'acknowledge', { owner: 'MET-PC-4411' });
      const body = { outcome: 'visited' };
      return (await actOn(fresh.id, 'close', body, { token: await tokenOf(part) })).status;
    }, 200);
    expect(closes).toEqual(expected(ACT));
  });

  it('get: both forces, both regions and the NCLCC; another force or region, BTP and commanders 403', async () => {
    const seen = await byPart(
      async (part) => (await readHandoff(handoff.id, await tokenOf(part))).status,
      200,
    );
    expect(seen).toEqual(expected(READ));
    const btpSees = await readHandoff(btpFound.id, await tokenOf('btp'));
    expect(btpSees.status).toBe(200);
  });

  it('list: each sees only what concerns it; commanders 403', async () => {
    const idsSeenBy = async (part: Part) =>
      (await everyHandoff({ operationId: weekId }, await tokenOf(part))).map((h) => h.id);
    for (const part of READ) expect(await idsSeenBy(part)).toContain(handoff.id);
    for (const part of ['otherForce', 'otherRegion', 'btp'] as Part[])
      expect(await idsSeenBy(part)).not.toContain(handoff.id);
    expect(await idsSeenBy('btp')).toContain(btpFound.id);
    expect(await idsSeenBy('homeRegion')).toContain(btpFound.id);
    expect(await idsSeenBy('foundRegion')).not.toContain(btpFound.id);
    const everything = await everyHandoff({ operationId: weekId }, await tokenOf('foundForce'));
    expect(
      everything.every((h) => h.foundForce === 'E23000021' || h.homeForce === 'E23000021'),
    ).toBe(true);
    for (const part of COMMANDERS) {
      const res = await api('GET', `/api/v1/handoffs?operationId=${weekId}`, {
        token: await tokenOf(part),
      });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden_scope');
    }
  });

  it('stream: each first frame holds what concerns the viewer; commanders 403', async () => {
    for (const part of ['homeForce', 'otherForce', 'btp', 'nclcc'] as Part[]) {
      const url = handoffStreamUrl(await tokenOf(part), { operationId: weekId });
      const [frame] = await readEvents(url, 'handoffs', (e) => e.length >= 1);
      const ids = frame.items.map((h: { id: string }) => h.id);
      expect({ part, sees: ids.includes(handoff.id) }).toEqual({
        part,
        sees: READ.includes(part),
      });
      if (part === 'btp') expect(ids).toContain(btpFound.id);
      expect(
        frame.items.every((h: { homeForce: string; foundForce: string }) => {
          const force = PARTS[part] as { force?: string };
          return !force.force || h.homeForce === force.force || h.foundForce === force.force;
        }),
      ).toBe(true);
    }
    for (const part of COMMANDERS) {
      const res = await fetch(handoffStreamUrl(await tokenOf(part), { operationId: weekId }));
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('forbidden_scope');
    }
  });

  it('keeps the safeguarding audit trail to the NCLCC', async () => {
    const seen = await byPart(
      async (part) =>
        (
          await api('GET', `/api/v1/safeguarding/audit?subjectId=${handoff.id}`, {
            token: await tokenOf(part),
          })
        ).status,
      200,
    );
    expect(seen).toEqual(expected(['nclcc']));
    const nclcc = await api('GET', `/api/v1/safeguarding/audit?subjectId=${handoff.id}`, {
      token: await tokenOf('nclcc'),
    });
    expect(nclcc.body.items.map((e: { action: string }) => e.action)).toContain('handoff.raised');
  });
});
