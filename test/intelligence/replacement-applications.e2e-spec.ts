import { randomUUID } from 'node:crypto';
import { api } from '../support/api';
import {
  as,
  freshNumber,
  lineWithReplacements,
  replacementAlertsOf,
} from '../support/intelligence';

/** Lines of this file are Northumbria's (North East). */
const NORTHUMBRIA = 'E23000007';

async function applyFor(
  alertIds: unknown,
  key: string | null = randomUUID(),
  who: object = { role: 'nclcc' },
) {
  return api('POST', '/api/v1/ddtros/replacement-applications', {
    token: await as(who as never),
    body: { alertIds },
    headers: key === null ? {} : { 'idempotency-key': key },
  });
}

async function ordersOf(lineId: string) {
  const res = await api('GET', `/api/v1/ddtros?lineId=${lineId}`, { token: await as() });
  return res.body.items as { id: string; number: string; status: string; batchId: string }[];
}

describe('intelligence: applying for orders on replacement numbers in one step', () => {
  it('applies for every new number of the alerts chosen, each alert once, and replays a key', async () => {
    const a = await lineWithReplacements(NORTHUMBRIA, 2);
    const b = await lineWithReplacements(NORTHUMBRIA, 1);
    const numbers = [...a.numbers, ...b.numbers];
    const open = await replacementAlertsOf(numbers, '&status=open');
    expect(open).toHaveLength(3);
    expect(open[0]).toMatchObject({
      brand: expect.any(String),
      recordedBy: NORTHUMBRIA,
      numberStatus: 'active',
      appliedDdtroId: null,
    });
    const ids = open.map((x: { id: string }) => x.id);
    const unknown = randomUUID();
    const key = randomUUID();
    const res = await applyFor([...ids, unknown], key);
    expect(res.status).toBe(201);
    expect(res.body.results.map((r: { alertId: string }) => r.alertId)).toEqual([...ids, unknown]);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'not-found',
    ]);
    const byAlert = new Map(open.map((x: { id: string; number: string }) => [x.id, x.number]));
    for (const r of res.body.results.slice(0, 3))
      expect(r.ddtro).toMatchObject({ number: byAlert.get(r.alertId), status: 'applied' });
    // One batch per line.
    const ofA = (await ordersOf(a.lineId)).filter((o) => a.numbers.includes(o.number));
    expect(ofA).toHaveLength(2);
    expect(new Set(ofA.map((o) => o.batchId)).size).toBe(1);

    // The same key again: the same answer, and nothing applied twice.
    const replay = await applyFor([...ids, unknown], key);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(res.body);
    expect(await ordersOf(a.lineId)).toHaveLength(3);
    // Another key naming an alert already applied for: its order, not a second one.
    const again = await applyFor([ids[0]]);
    expect(again.status).toBe(201);
    expect(again.body.results).toEqual([
      { alertId: ids[0], outcome: 'already-applied', ddtroId: res.body.results[0].ddtro.id },
    ]);
    expect(await ordersOf(a.lineId)).toHaveLength(3);
    const applied = await replacementAlertsOf(numbers, '&status=applied');
    expect(applied.map((x: { appliedDdtroId: string }) => x.appliedDdtroId).sort()).toEqual(
      res.body.results
        .slice(0, 3)
        .map((r: { ddtro: { id: string } }) => r.ddtro.id)
        .sort(),
    );
    expect(await replacementAlertsOf(numbers, '&status=open')).toEqual([]);
    const conflict = await applyFor([ids[1]], key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_conflict');
  });

  it('answers a number no longer active, and one already under an order from its line', async () => {
    const l = await lineWithReplacements(NORTHUMBRIA, 2);
    const [gone, ordered] = l.numbers;
    // The first new number is replaced in turn (its own replacement raises a third alert)…
    const next = freshNumber();
    await api('POST', `/api/v1/lines/${l.lineId}/numbers`, {
      token: await as(),
      body: { number: next, replaces: gone },
    });
    // …and the second gets an order on the line before the desk gets to it.
    const direct = await api('POST', `/api/v1/lines/${l.lineId}/ddtros`, {
      token: await as(),
      body: { numbers: [ordered] },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(direct.status).toBe(201);
    const alerts = await replacementAlertsOf([gone, ordered]);
    const idOf = (n: string) => alerts.find((x: { number: string }) => x.number === n).id;
    const res = await applyFor([idOf(gone), idOf(ordered)]);
    expect(res.status).toBe(201);
    expect(res.body.results).toEqual([
      {
        alertId: idOf(gone),
        outcome: 'not-applicable',
        reason: expect.stringContaining('replaced'),
      },
      { alertId: idOf(ordered), outcome: 'already-applied', ddtroId: direct.body.ddtros[0].id },
    ]);
  });

  it('refuses bad requests naming the field, and anyone but the NCLCC', async () => {
    const l = await lineWithReplacements(NORTHUMBRIA, 1);
    const [alert] = await replacementAlertsOf(l.numbers);
    const cases: [unknown, string][] = [
      [[], 'alertIds'],
      [['not-a-uuid'], 'alertIds.0'],
      [Array.from({ length: 51 }, () => randomUUID()), 'alertIds'],
    ];
    for (const [alertIds, field] of cases) {
      const res = await applyFor(alertIds);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    const extra = await api('POST', '/api/v1/ddtros/replacement-applications', {
      token: await as(),
      body: { alertIds: [alert.id], urgent: true },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('urgent');
    const noKey = await applyFor([alert.id], null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');
    for (const who of [
      { role: 'regional', region: 'north-east' },
      { role: 'force', force: NORTHUMBRIA },
      { role: 'commander' },
    ])
      expect((await applyFor([alert.id], randomUUID(), who)).status).toBe(403);
    expect(await replacementAlertsOf(l.numbers, '&status=open')).toHaveLength(1);
  });
});
