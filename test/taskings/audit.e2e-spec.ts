import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { createActiveWeek, hoursAgo, MERSEYSIDE, report } from '../support/scenario';
import { issue, taskingBody, transition } from '../support/taskings';

describe('audit trail with taskings', () => {
  it('merges tasking writes into one trail, paged without gaps or repeats', async () => {
    const op = await createActiveWeek('Audited tasking week');
    const nclcc = await tokenFor({ role: 'nclcc', sub: 'nclcc-auditor' });
    const correlationId = `corr-${randomUUID()}`;
    const issued = await api('POST', `/api/v1/operations/${op.id}/taskings`, {
      token: nclcc,
      body: taskingBody(MERSEYSIDE),
      headers: { 'idempotency-key': randomUUID(), 'x-correlation-id': correlationId },
    });
    expect(issued.status).toBe(201);
    const id = issued.body.id;
    expect((await transition(id, 'acknowledge')).status).toBe(200);
    expect(
      (
        await report(op.id, {
          type: 'arrest',
          force: MERSEYSIDE,
          occurredAt: hoursAgo(1),
          count: 1,
        })
      ).status,
    ).toBe(202);
    expect((await transition(id, 'start')).status).toBe(200);
    // Another week's entries must not leak in.
    await issue((await createActiveWeek('Other audited week')).id, taskingBody(MERSEYSIDE));

    const all: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api('GET', `/api/v1/audit?operationId=${op.id}&limit=2${query}`, {
        token: nclcc,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(all.map((e) => e.action).reverse()).toEqual([
      'operation.created',
      'tasking.issued',
      'tasking.acknowledged',
      'outcome.recorded',
      'tasking.started',
    ]);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(all.find((e) => e.action === 'tasking.issued')).toMatchObject({
      id: expect.stringMatching(/^tasking-\d+$/),
      actor: { sub: 'nclcc-auditor', role: 'nclcc' },
      operationId: op.id,
      subjectId: id,
      correlationId,
      details: { force: MERSEYSIDE, status: 'issued' },
    });
  });

  it('filters both logs alike by action, subject and user', async () => {
    const op = await createActiveWeek('Filtered audit week');
    const sub = `auditor-${randomUUID()}`;
    const nclcc = await tokenFor({ role: 'nclcc', sub });
    const issued = await api('POST', `/api/v1/operations/${op.id}/taskings`, {
      token: nclcc,
      body: taskingBody(MERSEYSIDE),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(issued.status).toBe(201);
    expect((await transition(issued.body.id, 'acknowledge')).status).toBe(200);
    expect((await api('POST', `/api/v1/operations/${op.id}/close`, { token: nclcc })).status).toBe(
      200,
    );
    const list = async (query: string) => {
      const res = await api('GET', `/api/v1/audit?${query}`, { token: nclcc });
      expect(res.status).toBe(200);
      return res.body.items as any[];
    };
    // One from each log: the caller closed the week in reporting and issued in tasking.
    expect((await list(`sub=${sub}`)).map((e) => e.action)).toEqual([
      'operation.closed',
      'tasking.issued',
    ]);
    expect((await list(`subjectId=${issued.body.id}`)).map((e) => e.action)).toEqual([
      'tasking.acknowledged',
      'tasking.issued',
    ]);
    expect(await list(`operationId=${op.id}&action=operation.closed`)).toEqual([
      expect.objectContaining({ subjectId: op.id, actor: expect.objectContaining({ sub }) }),
    ]);
    const invalid = await api('GET', `/api/v1/audit?operationId=week-1`, { token: nclcc });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([{ field: 'operationId', message: 'must be a UUID' }]);
  });

  it('refuses a cursor it did not give out, naming the field', async () => {
    const res = await api('GET', `/api/v1/audit?cursor=bm90LW91cnM`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});
