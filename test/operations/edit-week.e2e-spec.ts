import { waitFor } from '@intensify/testing';
import { api, tokenFor, Who } from '../support/api';
import { createActiveWeek } from '../support/scenario';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

async function createPlannedWeek(name: string) {
  const res = await api('POST', '/api/v1/operations', {
    token: await tokenFor({ role: 'nclcc' }),
    body: { name, startsAt: inDays(20), endsAt: inDays(27) },
  });
  expect(res.status).toBe(201);
  expect(res.body.status).toBe('planned');
  return res.body as { id: string; name: string; startsAt: string; endsAt: string };
}

async function edit(id: string, body: object, who: Who = { role: 'nclcc' }) {
  return api('PATCH', `/api/v1/operations/${id}`, { token: await tokenFor(who), body });
}

describe('editing a planned week', () => {
  it('renames and moves a planned week; the read models follow', async () => {
    const week = await createPlannedWeek('Week to edit');
    const startsAt = inDays(30);
    const endsAt = inDays(36);
    const res = await edit(week.id, { name: '  Edited week ', startsAt, endsAt });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: week.id, name: 'Edited week', startsAt, endsAt });
    expect(res.body.status).toBe('planned');

    const read = await api('GET', `/api/v1/operations/${week.id}`, {
      token: await tokenFor({ role: 'commander' }),
    });
    expect(read.body).toMatchObject({ name: 'Edited week', startsAt, endsAt });

    // Only the name: the dates stay as they are; the same edit again changes nothing.
    const renamed = await edit(week.id, { name: 'Edited again' });
    expect(renamed.body).toMatchObject({ name: 'Edited again', startsAt, endsAt });
    expect((await edit(week.id, { name: 'Edited again' })).body).toEqual(renamed.body);

    const nclcc = await tokenFor({ role: 'nclcc' });
    await waitFor(
      async () =>
        (await api('GET', `/api/v1/operations/${week.id}/focus-lines/results`, { token: nclcc }))
          .body,
      (r) => r.startsAt === startsAt && r.endsAt === endsAt,
      { timeoutMs: 20_000, intervalMs: 200, what: 'the projections to take the new dates' },
    );
    const audit = await api('GET', `/api/v1/audit?operationId=${week.id}`, { token: nclcc });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain(
      'operation.updated',
    );
  });

  it('names every bad field, and an end that would come before the start', async () => {
    const week = await createPlannedWeek('Week with bad edits');
    const bad = await edit(week.id, { name: '', startsAt: 'soon', colour: 'red' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'colour',
      'name',
      'startsAt',
    ]);
    // The end alone, before the week's own start: the owner checks it against the stored start.
    const early = await edit(week.id, { endsAt: inDays(10) });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([{ field: 'endsAt', message: 'must be after startsAt' }]);
    expect((await edit(week.id, {})).status).toBe(400);
  });

  it('is for the NCLCC only', async () => {
    const week = await createPlannedWeek('Week others cannot edit');
    const others: Who[] = [
      { role: 'regional', region: 'london' },
      { role: 'force', force: 'E23000001' },
      { role: 'commander' },
    ];
    for (const who of others) {
      const res = await edit(week.id, { name: 'Not mine' }, who);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden_scope');
    }
  });

  it('refuses once the week has started (409) or closed (409 operation_closed); 404 when unknown', async () => {
    const active = await createActiveWeek('Started week');
    const started = await edit(active.id, { name: 'Too late' });
    expect(started.status).toBe(409);
    expect(started.body.code).toBe('conflict');
    expect(started.body.errors).toEqual([{ field: 'status', message: 'is active' }]);

    const planned = await createPlannedWeek('Week closed before it starts');
    const nclcc = await tokenFor({ role: 'nclcc' });
    expect(
      (await api('POST', `/api/v1/operations/${planned.id}/close`, { token: nclcc })).status,
    ).toBe(200);
    const closed = await edit(planned.id, { name: 'Too late' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('operation_closed');

    const unknown = await edit('00000000-0000-4000-8000-000000000000', { name: 'Nobody' });
    expect(unknown.status).toBe(404);
  });
});
