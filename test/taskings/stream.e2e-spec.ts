import { randomUUID } from 'node:crypto';
import { forcesInRegion } from '@intensify/reference-data';
import { tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { createActiveWeek, GREATER_MANCHESTER, MERSEYSIDE, MET } from '../support/scenario';
import { readEvents } from '../support/sse';
import { inSeconds, issue, taskingBody, transition } from '../support/taskings';

interface Frame {
  operationId: string;
  items: {
    id: string;
    force: string;
    status: string;
    overdue: boolean;
    escalated: boolean;
    reminded: boolean;
  }[];
}

const NORTH_WEST = new Set(forcesInRegion('north-west'));

describe('tasking stream (SSE)', () => {
  let operationId: string;
  const url = (token: string, op = operationId) =>
    `${runEnv().gatewayUrl}/api/v1/taskings/stream?operationId=${op}&access_token=${token}`;
  const find = (f: Frame, id: string) => f.items.find((t) => t.id === id);

  beforeAll(async () => {
    operationId = (await createActiveWeek('Tasking stream week')).id;
  });

  it('sends the taskings on connect and every transition after it, as it happens', async () => {
    const nclcc = await tokenFor({ role: 'nclcc' });
    let id = '';
    const frames = await readEvents<Frame>(
      url(nclcc),
      'taskings',
      (fs) => fs.some((f) => find(f, id)?.status === 'in-progress'),
      async () => {
        id = (await issue(operationId, taskingBody(MERSEYSIDE))).body.id;
        expect((await transition(id, 'acknowledge')).status).toBe(200);
        expect((await transition(id, 'start')).status).toBe(200);
      },
    );
    expect(frames[0]).toEqual({ operationId, items: expect.any(Array) });
    expect(find(frames[0], id)).toBeUndefined();
    expect(find(frames[frames.length - 1], id)).toMatchObject({
      force: MERSEYSIDE,
      status: 'in-progress',
    });
  });

  it("never sends a regional coordinator another region's taskings", async () => {
    const northWest = await tokenFor({ role: 'regional', region: 'north-west' });
    const london = await tokenFor({ role: 'regional', region: 'london' });
    let mine = '';
    let theirs = '';
    const [nw, ldn] = await Promise.all([
      readEvents<Frame>(
        url(northWest),
        'taskings',
        (fs) => fs.some((f) => find(f, mine)?.status === 'acknowledged'),
        async () => {
          // Both streams are open once the first frame arrives here; London's opened first.
          const met = await issue(operationId, taskingBody(MET));
          theirs = met.body.id;
          expect((await transition(theirs, 'acknowledge', {}, london)).status).toBe(200);
          mine = (await issue(operationId, taskingBody(MERSEYSIDE))).body.id;
          expect((await transition(mine, 'acknowledge', {}, northWest)).status).toBe(200);
        },
      ),
      readEvents<Frame>(url(london), 'taskings', (fs) =>
        fs.some((f) => find(f, theirs)?.status === 'acknowledged'),
      ),
    ]);
    expect(find(nw[nw.length - 1], mine)?.status).toBe('acknowledged');
    expect(find(ldn[ldn.length - 1], theirs)?.status).toBe('acknowledged');
    const nwForces = new Set(nw.flatMap((f) => f.items.map((t) => t.force)));
    expect([...nwForces].every((f) => NORTH_WEST.has(f))).toBe(true);
    expect(ldn.flatMap((f) => f.items).every((t) => t.force === MET)).toBe(true);
  });

  it('pushes deadline effects: reminder, then overdue with escalation for a P1', async () => {
    const nclcc = await tokenFor({ role: 'nclcc' });
    let id = '';
    // A 200 ms tasking minute: the reminder is due after 200 ms, the due time after 1.5 s.
    const frames = await readEvents<Frame>(
      url(nclcc),
      'taskings',
      (fs) => fs.some((f) => find(f, id)?.escalated),
      async () => {
        const body = taskingBody(GREATER_MANCHESTER, {
          priority: 'P1',
          dueAt: inSeconds(1.5),
          acknowledgeWithinMinutes: 1,
        });
        id = (await issue(operationId, body)).body.id;
      },
      20_000,
    );
    const states = frames.map((f) => find(f, id)).filter(Boolean);
    expect(states[0]).toMatchObject({ status: 'issued', overdue: false, reminded: false });
    expect(states.some((t) => t!.reminded && !t!.overdue)).toBe(true);
    expect(states[states.length - 1]).toMatchObject({
      overdue: true,
      escalated: true,
      reminded: true,
    });
  });

  it('asks for an operation, and a token; an unknown operation is 404', async () => {
    const nclcc = await tokenFor({ role: 'nclcc' });
    const base = `${runEnv().gatewayUrl}/api/v1/taskings/stream`;
    const missing = await fetch(`${base}?access_token=${nclcc}`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: unknown }).errors).toEqual([
      { field: 'operationId', message: expect.any(String) },
    ]);
    expect((await fetch(`${base}?operationId=${operationId}`)).status).toBe(401);
    expect((await fetch(url(nclcc, randomUUID()))).status).toBe(404);
  });
});
