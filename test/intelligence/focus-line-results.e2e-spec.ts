import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../support/api';
import { rebuildReadModels } from '../support/rebuild';
import {
  applyDdtros,
  as,
  decide,
  freshBrand,
  freshHolder,
  freshNumber,
  registerLine,
} from '../support/intelligence';
import {
  GREATER_MANCHESTER,
  MERSEYSIDE,
  MET,
  NORTH_WALES,
  WEST_MIDLANDS,
} from '../support/scenario';
import { issue, taskingBody, transition } from '../support/taskings';

const STAFFORDSHIRE = 'E23000015';
const CHESHIRE = 'E23000006';

/** What the test sent, kept so the expected figures are counted from it by hand. */
interface SentLine {
  id: string;
  brand: string;
  exportingForce: string;
  importingForces: string[];
  holders: string[];
  atStart: { status: string; closureType: string | null } | null;
  now: { status: string; closureType: string | null };
}
interface SentOutcome {
  id: string;
  body: {
    type: string;
    force: string;
    lineId: string;
    action?: string;
    ddtroApplied?: number;
    ddtroGranted?: number;
  };
  retracted: boolean;
}
interface SentTasking {
  id: string;
  lineId: string;
  force: string;
  status: string;
}

const DISRUPTIVE = ['disrupted', 'closed-type1', 'closed-type2'];
const CLOSING = ['closed-type1', 'closed-type2'];

describe('focus-line results', () => {
  const lines: Record<string, SentLine> = {};
  const outcomes: SentOutcome[] = [];
  const taskings: SentTasking[] = [];
  /** Orders per line: dated within the week by how far each went. */
  const orders: Record<string, { applied: number; granted: number; providerActioned: number }> = {};
  let week: { id: string; startsAt: string; endsAt: string };
  let token: string;
  const focus = ['f1', 'f2', 'f3'];

  async function newLine(
    key: string,
    body: Omit<SentLine, 'id' | 'brand' | 'atStart' | 'now'> & {
      numbers?: string[];
      status?: string;
    },
  ) {
    const brand = freshBrand(key);
    const l = await registerLine({
      brand,
      exportingForce: body.exportingForce,
      importingForces: body.importingForces,
      holderRefs: body.holders,
      numbers: body.numbers ?? [],
      ...(body.status && { status: body.status }),
    });
    const status = { status: body.status ?? 'active', closureType: null };
    lines[key] = { ...body, id: l.id, brand, atStart: week ? null : status, now: status };
    return l;
  }

  async function report(body: SentOutcome['body']) {
    const res = await api('POST', `/api/v1/operations/${week.id}/outcomes`, {
      token,
      body: { occurredAt: new Date().toISOString(), ...body },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(202);
    const sent = { id: res.body.id, body, retracted: false };
    outcomes.push(sent);
    // A closing outcome closes its register line once; retracting or correcting it later does not reopen it.
    const line = Object.values(lines).find((l) => l.id === body.lineId);
    if (line && line.now.status !== 'closed' && CLOSING.includes(body.action ?? ''))
      line.now = {
        status: 'closed',
        closureType: body.action === 'closed-type1' ? 'type1' : 'type2',
      };
    return sent;
  }

  /** The results as counted by hand from what was sent. */
  function handCount() {
    const live = outcomes.filter((o) => !o.retracted);
    const on = (id: string) => live.filter((o) => o.body.lineId === id);
    const focusIds = focus.map((k) => lines[k].id);
    const closedInWeek = (l: SentLine) =>
      l.atStart?.status !== 'closed' && l.now.status === 'closed';
    const disrupted = (l: SentLine) =>
      on(l.id).some((o) => DISRUPTIVE.includes(o.body.action ?? '')) || closedInWeek(l);
    const closed = (l: SentLine) =>
      on(l.id).some((o) => CLOSING.includes(o.body.action ?? '')) || closedInWeek(l);
    const othersOf = (l: SentLine) =>
      Object.values(lines).filter(
        (o) => o.id !== l.id && o.holders.some((h) => l.holders.includes(h)),
      );
    const focusLines = focus.map((k) => {
      const l = lines[k];
      const mine = on(l.id);
      const count = (pred: (o: SentOutcome) => boolean) => mine.filter(pred).length;
      const ts = taskings.filter((t) => t.lineId === l.id);
      const others = othersOf(l);
      return {
        lineId: l.id,
        exportingForce: l.exportingForce,
        importingForces: [...l.importingForces].sort(),
        withheld: false,
        brand: l.brand,
        statusAtStart: l.atStart,
        statusNow: l.now,
        closedDuringWeek: closedInWeek(l),
        disrupted: disrupted(l),
        closed: closed(l),
        taskings: {
          total: ts.length,
          byStatus: Object.fromEntries(
            ['issued', 'acknowledged', 'in-progress', 'completed', 'declined', 'cancelled'].map(
              (s) => [s, ts.filter((t) => t.status === s).length],
            ),
          ),
          overdue: 0,
          items: ts
            .map((t) => ({ id: t.id, force: t.force, status: t.status, overdue: false }))
            .sort((a, b) => a.force.localeCompare(b.force) || a.id.localeCompare(b.id)),
        },
        outcomes: {
          count: mine.length,
          byType: Object.fromEntries(
            ['arrest', 'seizure', 'safeguarding', 'line'].map((t) => [
              t,
              count((o) => o.body.type === t),
            ]),
          ),
          byAction: {
            identified: count((o) => o.body.action === 'identified'),
            disrupted: count((o) => o.body.action === 'disrupted'),
            closedType1: count((o) => o.body.action === 'closed-type1'),
            closedType2: count((o) => o.body.action === 'closed-type2'),
          },
          ddtroApplied: mine.reduce((n, o) => n + (o.body.ddtroApplied ?? 0), 0),
          ddtroGranted: mine.reduce((n, o) => n + (o.body.ddtroGranted ?? 0), 0),
        },
        ddtros: orders[k] ?? { applied: 0, granted: 0, providerActioned: 0 },
        numbersCutOff: orders[k]?.providerActioned ?? 0,
        holders: {
          count: l.holders.length,
          otherLines: others.length,
          otherLinesDisrupted: others.filter(disrupted).length,
          otherLinesClosed: others.filter(closed).length,
        },
      };
    });
    focusLines.sort((a, b) => a.brand.localeCompare(b.brand) || a.lineId.localeCompare(b.lineId));
    const holderLines = [
      ...new Set(focus.flatMap((k) => othersOf(lines[k])).filter((l) => !focusIds.includes(l.id))),
    ];
    const forces = new Map<string, { fd: Set<string>; fc: Set<string>; hd: Set<string> }>();
    for (const o of live.filter((x) => DISRUPTIVE.includes(x.body.action ?? ''))) {
      const f = forces.get(o.body.force) ?? { fd: new Set(), fc: new Set(), hd: new Set() };
      forces.set(o.body.force, f);
      if (focusIds.includes(o.body.lineId)) {
        f.fd.add(o.body.lineId);
        if (CLOSING.includes(o.body.action!)) f.fc.add(o.body.lineId);
      } else if (holderLines.some((h) => h.id === o.body.lineId)) f.hd.add(o.body.lineId);
    }
    return {
      focusLines,
      totals: {
        focusLines: focus.length,
        disrupted: focusLines.filter((l) => l.disrupted).length,
        closed: focusLines.filter((l) => l.closed).length,
        closedDuringWeek: focusLines.filter((l) => l.closedDuringWeek).length,
        taskings: taskings.length,
        taskingsCompleted: taskings.filter((t) => t.status === 'completed').length,
        outcomes: focusLines.reduce((n, l) => n + l.outcomes.count, 0),
        numbersCutOff: Object.values(orders).reduce((n, o) => n + o.providerActioned, 0),
        holderLines: holderLines.length,
        holderLinesDisrupted: holderLines.filter(disrupted).length,
        holderLinesClosed: holderLines.filter(closed).length,
      },
      forces: [...forces]
        .map(([force, f]) => ({
          force,
          focusLinesDisrupted: f.fd.size,
          focusLinesClosed: f.fc.size,
          holderLinesDisrupted: f.hd.size,
          score: 2 * f.fd.size + f.fc.size + f.hd.size,
        }))
        .filter((f) => f.score > 0)
        .sort((a, b) => b.score - a.score || a.force.localeCompare(b.force)),
    };
  }

  async function results(who = token) {
    return api('GET', `/api/v1/operations/${week.id}/focus-lines/results`, { token: who });
  }

  /** Waits until the endpoint answers the hand count (ignoring only `asOf` and the week's dates). */
  async function resultsEqualHandCount(what: string) {
    const expected = handCount();
    const got = await waitFor(
      async () => (await results()).body,
      (b) => isDeepStrictEqual(comparable(b), expected),
      { timeoutMs: 30_000, intervalMs: 200, what },
    ).catch(async (e) => {
      expect(comparable((await results()).body)).toEqual(expected);
      throw e;
    });
    expect(comparable(got)).toEqual(expected);
    return got;
  }

  beforeAll(async () => {
    token = await tokenFor({ role: 'nclcc' });
    const [ha, hb] = [freshHolder(), freshHolder()];
    // Before the week: the three focus lines, two other lines of their holders and one unrelated.
    await newLine('f1', {
      exportingForce: MET,
      importingForces: [MERSEYSIDE],
      holders: [ha],
      numbers: [freshNumber()],
    });
    await newLine('f2', {
      exportingForce: GREATER_MANCHESTER,
      importingForces: [NORTH_WALES],
      holders: [hb],
      numbers: [freshNumber()],
    });
    await newLine('f3', {
      exportingForce: WEST_MIDLANDS,
      importingForces: [STAFFORDSHIRE],
      holders: [],
    });
    await newLine('o1', { exportingForce: MERSEYSIDE, importingForces: [CHESHIRE], holders: [ha] });
    await newLine('o2', { exportingForce: MET, importingForces: [CHESHIRE], holders: [ha, hb] });
    await newLine('x', {
      exportingForce: MET,
      importingForces: [STAFFORDSHIRE],
      holders: [freshHolder()],
    });
    const now = Date.now();
    const created = await api('POST', '/api/v1/operations', {
      token,
      body: {
        name: 'Focus results week',
        startsAt: new Date(now + 50).toISOString(),
        endsAt: new Date(now + 5 * 86_400_000).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    week = created.body;
    await new Promise((r) => setTimeout(r, 100)); // outcomes may not precede the week's start
    // During the week: another line of a focus line's holder joins the register.
    await newLine('o3', {
      exportingForce: GREATER_MANCHESTER,
      importingForces: [CHESHIRE],
      holders: [hb],
    });
    const set = await api('PUT', `/api/v1/operations/${week.id}/focus-lines`, {
      token,
      body: { lineIds: focus.map((k) => lines[k].id) },
    });
    expect(set.status).toBe(200);
  });

  it('starts with every focus line as it stood at the start and nothing done', async () => {
    await resultsEqualHandCount('the focus lines before anything happened');
    expect(lines.o3.atStart).toBeNull();
  });

  it('counts taskings, outcomes, corrections, retractions, cut-offs and closures exactly', async () => {
    const bulk = await issue(week.id, {
      taskings: [
        taskingBody(MET, { lineId: lines.f1.id }),
        taskingBody(MERSEYSIDE, { lineId: lines.f1.id }),
        taskingBody(GREATER_MANCHESTER, { lineId: lines.f2.id }),
        taskingBody(WEST_MIDLANDS, {}),
      ],
    });
    expect(bulk.status).toBe(201);
    const [t1, t2, t3] = bulk.body.taskings;
    taskings.push(
      { id: t1.id, lineId: lines.f1.id, force: MET, status: 'issued' },
      { id: t2.id, lineId: lines.f1.id, force: MERSEYSIDE, status: 'issued' },
      { id: t3.id, lineId: lines.f2.id, force: GREATER_MANCHESTER, status: 'issued' },
    );
    for (const step of ['acknowledge', 'start', 'complete'])
      expect((await transition(t1.id, step)).status).toBe(200);
    taskings[0].status = 'completed';
    expect((await transition(t2.id, 'decline', { reason: 'No officers free' })).status).toBe(200);
    taskings[1].status = 'declined';
    expect((await transition(t3.id, 'acknowledge')).status).toBe(200);
    taskings[2].status = 'acknowledged';

    await report({ type: 'line', force: MET, lineId: lines.f1.id, action: 'closed-type1' });
    const corrected = await report({
      type: 'line',
      force: MERSEYSIDE,
      lineId: lines.f1.id,
      action: 'disrupted',
    });
    await report({
      type: 'line',
      force: GREATER_MANCHESTER,
      lineId: lines.f2.id,
      action: 'disrupted',
      ddtroApplied: 2,
      ddtroGranted: 1,
    });
    await report({
      type: 'arrest',
      force: GREATER_MANCHESTER,
      lineId: lines.f2.id,
      count: 3,
    } as SentOutcome['body']);
    await report({ type: 'line', force: MERSEYSIDE, lineId: lines.o1.id, action: 'disrupted' });
    const retracted = await report({
      type: 'line',
      force: NORTH_WALES,
      lineId: lines.o2.id,
      action: 'closed-type2',
    });
    await report({ type: 'line', force: WEST_MIDLANDS, lineId: lines.x.id, action: 'disrupted' });
    await report({
      type: 'line',
      force: GREATER_MANCHESTER,
      lineId: lines.o3.id,
      action: 'closed-type2',
    });

    // A correction turns a disruption into an identification; a retraction takes a closure off.
    const correction = {
      type: 'line',
      force: MERSEYSIDE,
      lineId: lines.f1.id,
      action: 'identified',
    };
    const c = await api('POST', `/api/v1/outcomes/${corrected.id}/corrections`, {
      token,
      body: { ...correction, occurredAt: new Date().toISOString() },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(c.status).toBe(202);
    corrected.body = correction;
    const r = await api('POST', `/api/v1/outcomes/${retracted.id}/retraction`, {
      token,
      body: { reason: 'Reported against the wrong line' },
    });
    expect(r.status).toBe(202);
    retracted.retracted = true;

    // Orders: f1's number cut off by its provider, f2's only granted.
    const [f1Order] = (await applyDdtros(lines.f1.id, [(await lineNumbers(lines.f1.id))[0]])).body
      .ddtros;
    expect((await decide(f1Order.id, 'grant')).status).toBe(200);
    expect((await decide(f1Order.id, 'actioned')).status).toBe(200);
    orders.f1 = { applied: 1, granted: 1, providerActioned: 1 };
    const [f2Order] = (await applyDdtros(lines.f2.id, [(await lineNumbers(lines.f2.id))[0]])).body
      .ddtros;
    expect((await decide(f2Order.id, 'grant')).status).toBe(200);
    orders.f2 = { applied: 1, granted: 1, providerActioned: 0 };

    // The register closes f3 during the week, with no outcome naming it.
    const close = await api('PATCH', `/api/v1/lines/${lines.f3.id}`, {
      token,
      body: { status: 'closed', closureType: 'type2' },
    });
    expect(close.status).toBe(200);
    lines.f3.now = { status: 'closed', closureType: 'type2' };

    const got = await resultsEqualHandCount('the results to equal the hand count');
    // The hand count is not trivially zero: the figures the week is judged by. o2's closure was
    // retracted, but the register line it closed stays closed, so o2 still counts as disrupted.
    expect(got.totals).toMatchObject({
      disrupted: 3,
      closed: 2,
      numbersCutOff: 1,
      holderLinesDisrupted: 3,
    });
    expect(got.forces.map((f: { force: string }) => f.force)).toEqual([
      MET,
      GREATER_MANCHESTER,
      MERSEYSIDE,
    ]);
  });

  it('shows a scoped caller only the detail of lines touching its forces', async () => {
    const merseyside = await results(await tokenFor({ role: 'force', force: MERSEYSIDE }));
    expect(merseyside.status).toBe(200);
    const byId = new Map(merseyside.body.focusLines.map((l: { lineId: string }) => [l.lineId, l]));
    expect(byId.get(lines.f1.id)).toMatchObject({ withheld: false, brand: lines.f1.brand });
    expect(
      (byId.get(lines.f1.id) as { taskings: { items: { force: string }[] } }).taskings.items.map(
        (t) => t.force,
      ),
    ).toEqual([MERSEYSIDE]);
    expect(byId.get(lines.f2.id)).toEqual({
      lineId: lines.f2.id,
      exportingForce: GREATER_MANCHESTER,
      importingForces: [NORTH_WALES],
      withheld: true,
    });
    expect(merseyside.body.totals).toEqual(handCount().totals);
    expect(merseyside.body.forces.map((f: { force: string }) => f.force)).toEqual([MERSEYSIDE]);
    const commander = await results(await tokenFor({ role: 'commander' }));
    expect(comparable(commander.body)).toEqual(handCount());
    expect(
      (await api('GET', `/api/v1/operations/${randomUUID()}/focus-lines/results`, { token }))
        .status,
    ).toBe(404);
    expect((await api('GET', `/api/v1/operations/${week.id}/focus-lines/results`)).status).toBe(
      401,
    );
  });

  it('gives the same results after a rebuild of the read models', async () => {
    const before = comparable((await results()).body);
    const stdout = await rebuildReadModels(180_000);
    expect(stdout).toMatch(/done in [\d.]+ s/);
    expect(comparable((await results()).body)).toEqual(before);
    expect(before).toEqual(handCount());
  });

  async function lineNumbers(id: string): Promise<string[]> {
    const res = await api('GET', `/api/v1/lines/${id}`, { token: await as() });
    return res.body.numbers.map((n: { number: string }) => n.number);
  }
});

function comparable(b: { focusLines: unknown; totals: unknown; forces: unknown }) {
  return { focusLines: b.focusLines, totals: b.totals, forces: b.forces };
}
