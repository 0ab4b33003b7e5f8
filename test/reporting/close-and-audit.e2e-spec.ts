import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  report,
} from '../support/scenario';

describe('provisional and final figures', () => {
  it('closing makes the board final and refuses later writes; reopening allows late corrections', async () => {
    const op = await createActiveWeek('Closing week');
    const nclcc = await tokenFor({ role: 'nclcc' });
    const body = { type: 'arrest', force: MERSEYSIDE, occurredAt: hoursAgo(2), count: 2 };
    const key = randomUUID();
    const created = await report(op.id, body, { key });
    expect((await boardAfter(op.id, 1)).final).toBe(false);

    expect(
      (
        await api('POST', `/api/v1/operations/${op.id}/close`, {
          token: await tokenFor({ role: 'regional', region: 'north-west' }),
        })
      ).status,
    ).toBe(403);
    const closed = await api('POST', `/api/v1/operations/${op.id}/close`, { token: nclcc });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(
      (await api('POST', `/api/v1/operations/${op.id}/close`, { token: nclcc })).body.status,
    ).toBe('closed');
    const b = await board(op.id);
    expect(b).toMatchObject({ status: 'closed', final: true });

    const late = await report(op.id, { ...body, count: 1 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('operation_closed');
    // A replay of what was accepted before the close is still answered, and adds nothing.
    const replay = await report(op.id, body, { key });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(created.body.id);
    const correction = await api('POST', `/api/v1/outcomes/${created.body.id}/corrections`, {
      token: nclcc,
      body: { ...body, count: 3 },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(correction.body.code).toBe('operation_closed');
    const retraction = await api('POST', `/api/v1/outcomes/${created.body.id}/retraction`, {
      token: nclcc,
      body: { reason: 'x' },
    });
    expect(retraction.body.code).toBe('operation_closed');
    const csv = await api('POST', `/api/v1/operations/${op.id}/outcomes/import`, {
      token: nclcc,
      raw: `idempotencyKey,type,force,occurredAt,count\nc1,arrest,${MERSEYSIDE},${hoursAgo(1)},1`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(409);
    expect(csv.body.code).toBe('operation_closed');

    const noReason = await api('POST', `/api/v1/operations/${op.id}/reopen`, {
      token: nclcc,
      body: {},
    });
    expect(noReason.status).toBe(400);
    const reopened = await api('POST', `/api/v1/operations/${op.id}/reopen`, {
      token: nclcc,
      body: { reason: 'Late weighing of drugs from Merseyside' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('active');
    const fixed = await api('POST', `/api/v1/outcomes/${created.body.id}/corrections`, {
      token: nclcc,
      body: { ...body, count: 3 },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(fixed.status).toBe(202);
    const after = await boardAfter(op.id, 2);
    expect(after).toMatchObject({ final: false, status: 'active' });
    expect(after.national.arrests).toBe(3);
  });
});

describe('audit trail', () => {
  it('records every write with who, when, what and the correlation id, for NCLCC eyes only', async () => {
    const op = await createActiveWeek('Audited week');
    const regional = await tokenFor({
      sub: 'nw-coordinator-7',
      role: 'regional',
      region: 'north-west',
    });
    const nclcc = await tokenFor({ role: 'nclcc' });
    const correlationId = `corr-${randomUUID()}`;
    const created = await api('POST', `/api/v1/operations/${op.id}/outcomes`, {
      token: regional,
      body: { type: 'arrest', force: MERSEYSIDE, occurredAt: hoursAgo(1), count: 1 },
      headers: { 'idempotency-key': randomUUID(), 'x-correlation-id': correlationId },
    });
    await api('POST', `/api/v1/outcomes/${created.body.id}/corrections`, {
      token: regional,
      body: { type: 'arrest', force: MERSEYSIDE, occurredAt: hoursAgo(1), count: 2 },
      headers: { 'idempotency-key': randomUUID() },
    });
    await api('POST', `/api/v1/outcomes/${created.body.id}/retraction`, {
      token: regional,
      body: { reason: 'wrong week' },
    });
    await api('POST', `/api/v1/operations/${op.id}/outcomes/import`, {
      token: regional,
      raw: `idempotencyKey,type,force,occurredAt,count\na1,arrest,${MERSEYSIDE},${hoursAgo(1)},4`,
      headers: { 'content-type': 'text/csv' },
    });
    await api('POST', `/api/v1/operations/${op.id}/close`, { token: nclcc });
    await api('POST', `/api/v1/operations/${op.id}/reopen`, {
      token: nclcc,
      body: { reason: 'late return' },
    });

    expect(
      (await api('GET', `/api/v1/audit?operationId=${op.id}`, { token: regional })).status,
    ).toBe(403);
    expect(
      (
        await api('GET', `/api/v1/audit?operationId=${op.id}`, {
          token: await tokenFor({ role: 'commander' }),
        })
      ).status,
    ).toBe(403);
    const log = await api('GET', `/api/v1/audit?operationId=${op.id}&limit=3`, { token: nclcc });
    expect(log.status).toBe(200);
    const all = [...log.body.items];
    let cursor = log.body.nextCursor;
    while (cursor) {
      const next = await api('GET', `/api/v1/audit?operationId=${op.id}&limit=3&cursor=${cursor}`, {
        token: nclcc,
      });
      all.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(all.map((e) => e.action).reverse()).toEqual([
      'operation.created',
      'outcome.recorded',
      'outcome.corrected',
      'outcome.retracted',
      'outcome.recorded',
      'outcomes.imported',
      'operation.closed',
      'operation.reopened',
    ]);
    const recorded = all.find(
      (e) => e.action === 'outcome.recorded' && e.subjectId === created.body.id,
    );
    expect(recorded).toMatchObject({
      actor: { sub: 'nw-coordinator-7', role: 'regional', region: 'north-west' },
      operationId: op.id,
      correlationId,
      details: { via: 'api', force: MERSEYSIDE, type: 'arrest' },
    });
    expect(Date.parse(recorded.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(all.find((e) => e.action === 'operation.reopened').details).toEqual({
      reason: 'late return',
    });
    expect(all.find((e) => e.action === 'outcomes.imported').details).toMatchObject({
      rows: 1,
      accepted: 1,
    });
  });
});
