import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  createActiveWeek,
  GREATER_MANCHESTER,
  MERSEYSIDE,
  MET,
  NORTH_WALES,
} from '../support/scenario';
import { freshBrand, registerLine } from '../support/intelligence';
import { issue, tasking, taskingBody, transition } from '../support/taskings';

const STATUSES = ['issued', 'acknowledged', 'in-progress', 'completed', 'declined', 'cancelled'];
const TRANSITIONS = ['acknowledge', 'start', 'complete', 'decline', 'cancel', 'reassign'];
const BODY: Record<string, object> = {
  acknowledge: {},
  start: { note: 'Warrant executed at 06:00' },
  complete: { outcomeIds: [randomUUID()] },
  decline: { reason: 'No capacity this week' },
  cancel: { reason: 'Line already closed' },
  reassign: { force: GREATER_MANCHESTER },
};
/** How to bring a new tasking into each status. */
const ROUTE: Record<string, string[]> = {
  issued: [],
  acknowledged: ['acknowledge'],
  'in-progress': ['acknowledge', 'start'],
  completed: ['acknowledge', 'start', 'complete'],
  declined: ['decline'],
  cancelled: ['cancel'],
};
const LEGAL: Record<string, string> = {
  'issued acknowledge': 'acknowledged',
  'acknowledged start': 'in-progress',
  'in-progress complete': 'completed',
  'issued decline': 'declined',
  'acknowledged decline': 'declined',
  'issued cancel': 'cancelled',
  'acknowledged cancel': 'cancelled',
  'in-progress cancel': 'cancelled',
  'issued reassign': 'issued',
  'acknowledged reassign': 'issued',
  'in-progress reassign': 'issued',
};

describe('taskings: issuing and transitions', () => {
  let operationId: string;
  let nclcc: string;

  beforeAll(async () => {
    operationId = (await createActiveWeek('Tasking week')).id;
    nclcc = await tokenFor({ role: 'nclcc' });
  });

  async function inStatus(status: string): Promise<string> {
    const created = await issue(operationId, taskingBody(MERSEYSIDE));
    expect(created.status).toBe(201);
    for (const step of ROUTE[status])
      expect((await transition(created.body.id, step, BODY[step])).status).toBe(200);
    return created.body.id;
  }

  it('issues a tasking with defaults, replays it for the same key and refuses the key for another body', async () => {
    const key = randomUUID();
    const lineId = (
      await registerLine({ brand: freshBrand('Mo'), exportingForce: MERSEYSIDE, numbers: [] })
    ).id;
    const body = { ...taskingBody(MERSEYSIDE), lineId, notes: 'Brand "Mo"' };
    const created = await issue(operationId, body, { key });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'issued',
      force: MERSEYSIDE,
      lineId,
      acknowledgeWithinMinutes: 240,
      overdue: false,
      operationId,
    });
    const replay = await issue(operationId, body, { key });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(created.body.id);
    const other = await issue(operationId, { ...body, priority: 'P1' }, { key });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    const noKey = await api('POST', `/api/v1/operations/${operationId}/taskings`, {
      token: nclcc,
      body,
    });
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'is required' }]);
  });

  it('tasks every force of a focus line in one request, all or nothing', async () => {
    const forces = [MERSEYSIDE, NORTH_WALES, MET];
    const bulk = await issue(operationId, { taskings: forces.map((f) => taskingBody(f)) });
    expect(bulk.status).toBe(201);
    expect(bulk.body.taskings.map((t: { force: string }) => t.force)).toEqual(forces);

    const before = await api('GET', `/api/v1/taskings?operationId=${operationId}&limit=500`, {
      token: nclcc,
    });
    const bad = await issue(operationId, {
      taskings: [
        taskingBody(MERSEYSIDE),
        taskingBody(MET, { dueAt: new Date(Date.now() - 1000).toISOString() }),
        taskingBody('NOPE'),
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['taskings.2.force']);
    const late = await issue(operationId, {
      taskings: [
        taskingBody(MERSEYSIDE),
        taskingBody(MET, { dueAt: new Date(Date.now() - 1000).toISOString() }),
      ],
    });
    expect(late.status).toBe(400);
    expect(late.body.errors).toEqual([
      { field: 'taskings.1.dueAt', message: 'must be in the future' },
    ]);
    const outOfScope = await issue(
      operationId,
      { taskings: [taskingBody(MERSEYSIDE), taskingBody(MET)] },
      { token: await tokenFor({ role: 'regional', region: 'north-west' }) },
    );
    expect(outOfScope.status).toBe(403);
    const after = await api('GET', `/api/v1/taskings?operationId=${operationId}&limit=500`, {
      token: nclcc,
    });
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('allows every legal transition and records it in the history', async () => {
    for (const [pair, to] of Object.entries(LEGAL)) {
      const [from, name] = pair.split(' ');
      const id = await inStatus(from);
      const res = await transition(id, name, BODY[name]);
      expect({ pair, status: res.status, to: res.body.status }).toEqual({ pair, status: 200, to });
      const t = await tasking(id);
      expect(t.history.at(-1)).toMatchObject({ from, to, seq: ROUTE[from].length + 2 });
    }
  });

  it('refuses every illegal transition with 409 naming the current state', async () => {
    for (const status of STATUSES) {
      const id = await inStatus(status);
      for (const name of TRANSITIONS.filter((t) => !LEGAL[`${status} ${t}`])) {
        const res = await transition(id, name, BODY[name]);
        expect({ status, name, code: res.status, problem: res.body.code }).toEqual({
          status,
          name,
          code: 409,
          problem: 'illegal_transition',
        });
        expect(res.body.errors).toEqual([{ field: 'status', message: `is ${status}` }]);
        expect(res.body.detail).toContain(status);
      }
      expect((await tasking(id)).status).toBe(status);
    }
  });

  it('keeps the full history: who did what, from which state to which, with reasons and outcomes', async () => {
    const id = await inStatus('issued');
    const outcomeId = randomUUID();
    await transition(id, 'reassign', { force: GREATER_MANCHESTER, reason: 'Line moved' });
    await transition(id, 'acknowledge');
    await transition(id, 'start');
    await transition(id, 'complete', { outcomeIds: [outcomeId], note: 'Two arrests' });
    const t = await tasking(id);
    expect(t).toMatchObject({
      force: GREATER_MANCHESTER,
      status: 'completed',
      outcomeIds: [outcomeId],
    });
    expect(
      t.history.map((h: { type: string; from: string; to: string }) => [h.type, h.from, h.to]),
    ).toEqual([
      ['tasking.issued', null, 'issued'],
      ['tasking.reassigned', 'issued', 'issued'],
      ['tasking.acknowledged', 'issued', 'acknowledged'],
      ['tasking.started', 'acknowledged', 'in-progress'],
      ['tasking.completed', 'in-progress', 'completed'],
    ]);
    expect(t.history[1].details).toMatchObject({ reason: 'Line moved', issueSeq: 2 });
    expect(t.history[4].details).toMatchObject({ outcomeIds: [outcomeId], note: 'Two arrests' });
    expect(t.history[0].actor).toEqual({ sub: 'nclcc-national', role: 'nclcc' });
  });

  it('validates transition bodies: decline needs a reason, reassign a known force', async () => {
    const id = await inStatus('issued');
    const decline = await transition(id, 'decline', {});
    expect(decline.status).toBe(400);
    expect(decline.body.errors).toEqual([{ field: 'reason', message: 'is required' }]);
    const reassign = await transition(id, 'reassign', { force: 'NOPE' });
    expect(reassign.status).toBe(400);
    expect(reassign.body.errors[0].field).toBe('force');
    const complete = await transition(id, 'complete', { outcomeIds: ['not-a-uuid'] });
    expect(complete.status).toBe(400);
    expect(complete.body.errors[0].field).toBe('outcomeIds.0');
    expect((await transition(id, 'promote')).status).toBe(404);
    expect((await transition(randomUUID(), 'acknowledge')).status).toBe(404);
  });

  it('lists taskings by operation, force, region and status, newest first, page by page', async () => {
    const week = (await createActiveWeek('Listing week')).id;
    const made = await issue(week, {
      taskings: [taskingBody(MERSEYSIDE), taskingBody(NORTH_WALES), taskingBody(MET)],
    });
    const [mersey, , met] = made.body.taskings.map((t: { id: string }) => t.id);
    await transition(met, 'acknowledge');
    const list = (q: string) =>
      api('GET', `/api/v1/taskings?operationId=${week}&${q}`, { token: nclcc }).then((r) => r.body);
    expect((await list('')).items).toHaveLength(3);
    expect((await list(`force=${MERSEYSIDE}`)).items.map((t: { id: string }) => t.id)).toEqual([
      mersey,
    ]);
    expect((await list('region=north-west')).items).toHaveLength(2);
    expect((await list('status=acknowledged')).items.map((t: { id: string }) => t.id)).toEqual([
      met,
    ]);
    const first = await list('limit=2');
    expect(first.items).toHaveLength(2);
    const second = await list(`limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const bad = await api('GET', `/api/v1/taskings?status=lost&colour=red`, { token: nclcc });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'colour',
      'status',
    ]);
  });

  it('refuses taskings for a missing or closed week', async () => {
    expect((await issue(randomUUID(), taskingBody(MERSEYSIDE))).status).toBe(404);
    const week = (await createActiveWeek('Closed week')).id;
    await api('POST', `/api/v1/operations/${week}/close`, { token: nclcc });
    const closed = await issue(week, taskingBody(MERSEYSIDE));
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('operation_closed');
  });
});
