import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { waitFor } from '@intensify/testing';
import {
  PROVIDER_DEADLINE_QUEUE,
  providerDeadlineJobId,
} from '../../apps/intelligence/src/ddtros/deadlines/provider-deadline.rule';
import { addWorkingDays } from '../../apps/intelligence/src/ddtros/working-days';
import { api, Who } from '../support/api';
import {
  applyDdtros,
  as,
  decide,
  freshBrand,
  freshNumber,
  line,
  registerLine,
  RETURN_HEADER,
  uploadReturn,
} from '../support/intelligence';
import { runEnv } from '../support/run-env';

/** Lines of this file export from and are recorded by Dyfed-Powys only, so its stats are this file's. */
const DYFED_POWYS = 'W15000004';
const GWENT = 'W15000002';
const HOUR = 3_600_000;

async function ddtrosOf(lineId: string) {
  const res = await api('GET', `/api/v1/ddtros?lineId=${lineId}`, { token: await as() });
  expect(res.status).toBe(200);
  return res.body.items as {
    id: string;
    number: string;
    status: string;
    providerOverdue: boolean;
    providerDeadline?: string;
  }[];
}

async function auditCount(action: string, subjectId: string) {
  const res = await api(
    'GET',
    `/api/v1/intelligence/audit?action=${action}&subjectId=${subjectId}&limit=500`,
    { token: await as() },
  );
  return res.body.items.filter((a: { subjectId: string }) => a.subjectId === subjectId).length;
}

describe('intelligence: DDTRO co-ordination', () => {
  let queue: Queue;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(runEnv().redisUrl, { maxRetriesPerRequest: null });
    queue = new Queue(PROVIDER_DEADLINE_QUEUE, { connection: redis, prefix: runEnv().redisPrefix });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
  });

  const newLine = async (count: number) => {
    const numbers = Array.from({ length: count }, freshNumber);
    const l = await registerLine({
      brand: freshBrand('Order'),
      exportingForce: DYFED_POWYS,
      importingForces: [GWENT],
      numbers,
    });
    return { id: l.id as string, numbers };
  };

  it('applies for several numbers of a line at once, all or nothing, and replays the same key', async () => {
    const l = await newLine(3);
    const res = await applyDdtros(l.id, l.numbers, {}, `batch-${l.id}`);
    expect(res.status).toBe(201);
    expect(res.body.ddtros).toHaveLength(3);
    expect(new Set(res.body.ddtros.map((d: { batchId: string }) => d.batchId))).toEqual(
      new Set([res.body.batchId]),
    );
    expect(res.body.ddtros.map((d: { status: string }) => d.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const replay = await applyDdtros(l.id, l.numbers, {}, `batch-${l.id}`);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(res.body);
    const other = await applyDdtros(l.id, [l.numbers[0]], {}, `batch-${l.id}`);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    // A number already under order, and one not on the line: nothing is applied for.
    const stranger = freshNumber();
    const mixed = await applyDdtros(l.id, [l.numbers[1], stranger]);
    expect(mixed.status).toBe(409);
    expect(mixed.body.errors).toEqual([
      { field: 'numbers.0', message: expect.stringContaining('already has an order in hand') },
      { field: 'numbers.1', message: 'is not a number of this line' },
    ]);
    expect(await ddtrosOf(l.id)).toHaveLength(3);
    const bad = await applyDdtros(l.id, ['123']);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'numbers.0', message: 'must be a UK mobile number (07…)' },
    ]);
    const noKey = await api('POST', `/api/v1/lines/${l.id}/ddtros`, {
      token: await as(),
      body: { numbers: [l.numbers[0]] },
    });
    expect(noKey.status).toBe(400);
    const commander = await api('POST', `/api/v1/lines/${l.id}/ddtros`, {
      token: await as({ role: 'commander' }),
      body: { numbers: [l.numbers[0]] },
      headers: { 'idempotency-key': 'c' },
    });
    expect(commander.status).toBe(403);
  });

  it('marks a granted order overdue once when the provider has not acted within 5 working days', async () => {
    const l = await newLine(2);
    const [late, prompt] = (await applyDdtros(l.id, l.numbers)).body.ddtros;
    const grantedLate = await decide(late.id, 'grant');
    expect(grantedLate.status).toBe(200);
    expect(grantedLate.body.status).toBe('granted');
    // INTELLIGENCE_DAY_MS is 200: the span is the calendar days that 5 working days take from
    // the grant (7 in an ordinary week, more over bank holidays), each 200 ms long.
    const grantedAt = new Date(grantedLate.body.grantedAt);
    const calendarDays =
      (addWorkingDays(grantedAt, 5).getTime() - grantedAt.getTime()) / 86_400_000;
    expect(calendarDays).toBeGreaterThanOrEqual(5);
    const span = Date.parse(grantedLate.body.providerDeadline) - grantedAt.getTime();
    expect(span).toBe(Math.round(calendarDays * 200));
    await decide(prompt.id, 'grant');
    const actioned = await decide(prompt.id, 'actioned');
    expect(actioned.body.status).toBe('provider-actioned');
    const done = async (id: string) =>
      waitFor(
        async () => (await queue.getJob(providerDeadlineJobId(id)))?.getState(),
        (s) => s === 'completed',
        { timeoutMs: 60_000, intervalMs: 100, what: `deadline job of ${id}` },
      );
    await done(late.id);
    await done(prompt.id);
    const orders = await ddtrosOf(l.id);
    expect(orders.find((o) => o.id === late.id)).toMatchObject({
      status: 'granted',
      providerOverdue: true,
    });
    expect(orders.find((o) => o.id === prompt.id)).toMatchObject({
      status: 'provider-actioned',
      providerOverdue: false,
    });
    expect(await auditCount('ddtro.provider-overdue', late.id)).toBe(1);
    // The same deadline run again (a duplicated job) changes nothing.
    const again = await queue.add(
      'provider-deadline',
      { ddtroId: late.id, deadline: grantedLate.body.providerDeadline },
      { jobId: `again-${late.id}` },
    );
    await waitFor(
      () => again.getState(),
      (s) => s === 'completed',
      { timeoutMs: 20_000, intervalMs: 100, what: 'the repeated job' },
    );
    expect(await auditCount('ddtro.provider-overdue', late.id)).toBe(1);
    // Provider action cut the number off on the line.
    const detail = await line(l.id);
    expect(
      detail.numbers.find((n: { number: string }) => n.number === prompt.number),
    ).toMatchObject({ status: 'cut-off' });
    expect(
      detail.numberHistory.some(
        (h: { event: string; number: string }) =>
          h.event === 'cut-off' && h.number === prompt.number,
      ),
    ).toBe(true);
    // Illegal steps name the current status.
    const twice = await decide(prompt.id, 'grant');
    expect(twice.status).toBe(409);
    expect(twice.body.errors).toEqual([{ field: 'status', message: 'is provider-actioned' }]);
    const refuse = await decide(late.id, 'refuse', {});
    expect(refuse.status).toBe(400);
    expect(refuse.body.errors[0].field).toBe('reason');
  });

  it('raises a replacement alert when a line under order shows a new number, once per number', async () => {
    const l = await newLine(1);
    const [order] = (await applyDdtros(l.id, l.numbers)).body.ddtros;
    const next = freshNumber();
    const added = await api('POST', `/api/v1/lines/${l.id}/numbers`, {
      token: await as(),
      body: { number: next, replaces: l.numbers[0] },
    });
    expect(added.status).toBe(200);
    await api('POST', `/api/v1/lines/${l.id}/numbers`, {
      token: await as(),
      body: { number: next },
    });
    const third = freshNumber();
    const brand = (await line(l.id)).brand;
    const ret = await uploadReturn(
      DYFED_POWYS,
      '2026-10',
      `${RETURN_HEADER}\n${brand},,${GWENT},${next};${third},,,,,,,,,\n`,
    );
    expect(ret.body.changes[0]).toMatchObject({
      change: 'updated',
      fields: ['lastIntelligenceAt', 'numbers'],
    });
    const detail = await line(l.id);
    expect(detail.replacementAlerts.map((a: { number: string }) => a.number).sort()).toEqual(
      [next, third].sort(),
    );
    expect(detail.replacementAlerts[0].ddtroIds).toEqual([order.id]);
    expect(detail.numbers.find((n: { number: string }) => n.number === l.numbers[0])).toMatchObject(
      { status: 'replaced', replacedBy: next },
    );
    // A line with no order: a new number is just a number.
    const free = await newLine(1);
    await api('POST', `/api/v1/lines/${free.id}/numbers`, {
      token: await as(),
      body: { number: freshNumber() },
    });
    expect((await line(free.id)).replacementAlerts).toEqual([]);
  });

  it('pages the audit trail by cursor, newest first, without gaps or repeats', async () => {
    const who: Who = { role: 'nclcc', sub: `auditor-${freshNumber()}` };
    const l = await newLine(3);
    const orders: { id: string }[] = (await applyDdtros(l.id, l.numbers)).body.ddtros;
    for (const o of orders) expect((await decide(o.id, 'grant', {}, who)).status).toBe(200);
    const token = await as();
    const whole = await api('GET', `/api/v1/intelligence/audit?sub=${who.sub}&limit=500`, {
      token,
    });
    expect(whole.status).toBe(200);
    expect(whole.body.nextCursor).toBeNull();
    const entries = whole.body.items as { id: string; subjectId: string; action: string }[];
    expect(entries.map((e) => e.subjectId)).toEqual(orders.map((o) => o.id).reverse());
    expect(entries[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/), actor: who });

    const paged: typeof entries = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const after: string = cursor ? `&cursor=${cursor}` : '';
      const page = await api('GET', `/api/v1/intelligence/audit?sub=${who.sub}&limit=2${after}`, {
        token,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(paged.map((e) => e.id)).toEqual(entries.map((e) => e.id));

    const one = await api(
      'GET',
      `/api/v1/intelligence/audit?action=${entries[0].action}&subjectId=${orders[0].id}`,
      { token },
    );
    expect(one.body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual([orders[0].id]);
    const foreign = await api('GET', `/api/v1/intelligence/audit?cursor=bm90LW91cnM`, { token });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it('reports the median time from a number first seen to its order granted', async () => {
    const viewer = { role: 'force' as const, force: DYFED_POWYS, sub: 'dp-analyst' };
    const base = (await api('GET', '/api/v1/ddtros/stats', { token: await as(viewer) })).body;
    const t0 = Date.now() - 100 * HOUR;
    const l = await registerLine({ brand: freshBrand('Median'), exportingForce: DYFED_POWYS });
    const gaps = [10, 20, 60];
    const numbers = gaps.map(() => freshNumber());
    for (const n of numbers)
      await api('POST', `/api/v1/lines/${l.id}/numbers`, {
        token: await as(),
        body: { number: n, seenAt: new Date(t0).toISOString() },
      });
    const extra = freshNumber();
    await api('POST', `/api/v1/lines/${l.id}/numbers`, {
      token: await as(),
      body: { number: extra, seenAt: new Date(t0).toISOString() },
    });
    const applied = (
      await applyDdtros(l.id, [...numbers, extra], {
        appliedAt: new Date(t0 + 5 * HOUR).toISOString(),
      })
    ).body.ddtros;
    for (const [i, gap] of gaps.entries()) {
      const granted = await decide(applied[i].id, 'grant', {
        at: new Date(t0 + gap * HOUR).toISOString(),
      });
      expect(granted.status).toBe(200);
    }
    await decide(applied[3].id, 'refuse', { reason: 'insufficient evidence' });
    const stats = (await api('GET', '/api/v1/ddtros/stats', { token: await as(viewer) })).body;
    expect(stats.granted + stats.actioned).toBe(base.granted + base.actioned + 3);
    expect(stats.refused).toBe(base.refused + 1);
    // Every granted order this force can see: the earlier tests' (granted at once) and these three.
    const all = (await api('GET', '/api/v1/ddtros?limit=500', { token: await as(viewer) })).body
      .items as {
      grantedAt?: string;
      numberFirstSeenAt: string;
    }[];
    const hours = all
      .filter((d) => d.grantedAt)
      .map((d) => (Date.parse(d.grantedAt!) - Date.parse(d.numberFirstSeenAt)) / HOUR)
      .sort((a, b) => a - b);
    const mid = hours.length / 2;
    const median = hours.length % 2 ? hours[Math.floor(mid)] : (hours[mid - 1] + hours[mid]) / 2;
    for (const gap of gaps) expect(hours.some((h) => Math.abs(h - gap) < 1e-6)).toBe(true);
    expect(stats.grantedSample).toBe(hours.length);
    expect(stats.medianFirstSeenToGrantedHours).toBeCloseTo(median, 3);
    const future = await decide(applied[3].id, 'grant', {
      at: new Date(Date.now() + HOUR).toISOString(),
    });
    expect(future.status).toBe(409);
  });
});
