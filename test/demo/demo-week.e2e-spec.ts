import { waitFor } from '@intensify/testing';
import { GAMING_CHECK_RULE } from '@intensify/contracts';
import {
  focusOnTopRanked,
  DemoClient,
  DemoWeekResult,
  generateRegister,
  Identity,
  Random,
  runDemoWeek,
  seedRegister,
} from '../../libs/demo/src';
import { api, tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { board } from '../support/scenario';

/** The week's hand-offs as the API lists them (every page), read by the NCLCC. */
async function weekHandoffs(operationId: string): Promise<any[]> {
  const token = await tokenFor({ role: 'nclcc' });
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ operationId, limit: '100', ...(cursor && { cursor }) });
    const page = await api('GET', `/api/v1/handoffs?${query}`, { token });
    if (page.status !== 200) throw new Error(`hand-offs: ${page.status}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const sameCounts = (a: Record<string, number> | undefined, b: Record<string, number>) =>
  Object.keys(b).every((k) => a?.[k] === b[k]);

/** Hand-off counts by status, the board's way: overdue is the part of raised past its deadline. */
function handoffCounts(items: { status: string; overdue: boolean }[]) {
  const count = (status: string) => items.filter((h) => h.status === status).length;
  return {
    raised: count('raised'),
    acknowledged: count('acknowledged'),
    closed: count('closed'),
    overdue: items.filter((h) => h.status === 'raised' && h.overdue).length,
  };
}

/** The board's national figures that the demo's own record of accepted outcomes predicts. */
function expectedNational(accepted: DemoWeekResult['accepted']) {
  const sum = (type: string, pick: (b: any) => number) =>
    accepted.filter((b) => b.type === type).reduce((n, b) => n + pick(b), 0);
  return {
    arrests: sum('arrest', (b) => b.count),
    arrestsUnder18: sum('arrest', (b) => b.under18),
    charged: sum('arrest', (b) => b.charged),
    safeguardedChildren: sum('safeguarding', (b) => b.children),
    safeguardedAdults: sum('safeguarding', (b) => b.adults),
    cashPence: sum('seizure', (b) => b.cashPence),
    phones: sum('seizure', (b) => b.phones),
    weapons: {
      firearm: sum('seizure', (b) => b.weapons.firearm),
      bladed: sum('seizure', (b) => b.weapons.bladed),
      other: sum('seizure', (b) => b.weapons.other),
    },
    closedType1: sum('line', (b) => (b.action === 'closed-type1' ? 1 : 0)),
    closedType2: sum('line', (b) => (b.action === 'closed-type2' ? 1 : 0)),
    // Orders applied on the register with the closures that flag them count once.
    ddtroApplied: sum('line', (b) => b.ddtroApplied),
    ddtroGranted: sum('line', (b) => b.ddtroGranted),
  };
}

/** What the focus-line results should say of a line's outcomes, counted from what was sent. */
function expectedLineOutcomes(accepted: DemoWeekResult['accepted'], lineId: string) {
  const named = accepted.filter((b) => b.lineId === lineId);
  const count = (pick: (b: any) => boolean) => named.filter(pick).length;
  return {
    count: named.length,
    byType: {
      arrest: count((b) => b.type === 'arrest'),
      seizure: count((b) => b.type === 'seizure'),
      safeguarding: count((b) => b.type === 'safeguarding'),
      line: count((b) => b.type === 'line'),
    },
    byAction: {
      identified: count((b) => b.action === 'identified'),
      disrupted: count((b) => b.action === 'disrupted'),
      closedType1: count((b) => b.action === 'closed-type1'),
      closedType2: count((b) => b.action === 'closed-type2'),
    },
    ddtroApplied: named.reduce((n, b: any) => n + (b.ddtroApplied ?? 0), 0),
    ddtroGranted: named.reduce((n, b: any) => n + (b.ddtroGranted ?? 0), 0),
  };
}

const BRAND_PREFIX = 'Demo week ';

/**
 * The week's focus: the top-ranked lines of the register this test seeded (other tests' lines
 * in the same run, with their own orders and closures, would blur the counts).
 */
const focusOnOwnLines = (client: DemoClient, nclcc: Identity, operationId: string) =>
  focusOnTopRanked(client, nclcc, operationId, 4, BRAND_PREFIX);

describe('npm run demo: a compressed intensification week', () => {
  let result: DemoWeekResult;
  const progress: number[] = [];

  beforeAll(async () => {
    // A register of its own beside the other demo test's: other brands, other numbers.
    const register = generateRegister(new Random(11), 80, {
      brandPrefix: BRAND_PREFIX,
      firstNumber: 50_000,
    });
    const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 7);
    await seedRegister(new DemoClient(runEnv().gatewayUrl), register, month);
    result = await runDemoWeek({
      gatewayUrl: runEnv().gatewayUrl,
      durationMs: 12_000,
      scale: 0.08,
      seed: 13,
      name: 'Demo week under test',
      // Every eligible safeguarding result raises one, so the short week sees every fate.
      handoffShare: 1,
      chooseFocus: focusOnOwnLines,
      registerBrandPrefix: BRAND_PREFIX,
      onProgress: (p) => progress.push(p.outcomesSent),
    });
  }, 90_000);

  it('reports every planned outcome and tasking step without an error', () => {
    expect(result.errors).toEqual([]);
    expect(result.accepted.length).toBeGreaterThan(80);
    expect(progress.at(-1)).toBe(result.accepted.length);
    // Progress was shown while it ran, not only at the end.
    expect(new Set(progress).size).toBeGreaterThan(10);
  });

  it('ends with a board whose national figures equal what the demo reported', async () => {
    const expected = expectedNational(result.accepted);
    const b = await waitFor(
      () => board(result.operationId),
      (b) => b.eventsApplied >= result.accepted.length,
      { timeoutMs: 20_000, intervalMs: 200, what: 'all demo outcomes on the board' },
    );
    expect(b.eventsApplied).toBe(result.accepted.length);
    expect({
      arrests: b.national.arrests,
      arrestsUnder18: b.national.arrestsUnder18,
      charged: b.national.charged,
      safeguardedChildren: b.national.safeguardedChildren,
      safeguardedAdults: b.national.safeguardedAdults,
      cashPence: b.national.cashPence,
      phones: b.national.phones,
      weapons: b.national.weapons,
      closedType1: b.national.lines.closedType1,
      closedType2: b.national.lines.closedType2,
      ddtroApplied: b.national.lines.ddtroApplied,
      ddtroGranted: b.national.lines.ddtroGranted,
    }).toEqual(expected);
    // The demo applied register orders with some closures, which the board counted once.
    expect(result.ddtroApplications.length).toBeGreaterThan(0);
  });

  it('leaves the tasking counts the simulated forces produced, overdue ones included', async () => {
    const statuses = Object.values(result.taskingStatuses);
    const count = (s: string) => statuses.filter((x) => x === s).length;
    // One per focus force and one per focus line.
    expect(result.focusLines).toHaveLength(4);
    expect(statuses.length).toBe(result.focusForces.length + result.focusLines.length);
    const b = await waitFor(
      () => board(result.operationId),
      (b) =>
        b.taskings.completed === count('completed') && b.taskings.declined === count('declined'),
      { timeoutMs: 20_000, intervalMs: 200, what: 'demo tasking counts on the board' },
    );
    expect(b.taskings).toMatchObject({
      acknowledged: count('acknowledged'),
      inProgress: count('in-progress'),
      completed: count('completed'),
      declined: count('declined'),
      issued: count('issued'),
    });
  });

  it('raises hand-offs that the home forces acknowledge, redirect and close', async () => {
    expect(result.errors).toEqual([]);
    const records = Object.entries(result.handoffs);
    expect(records.length).toBeGreaterThan(3);
    const listed = await weekHandoffs(result.operationId);
    // The platform holds each hand-off as the demo left it.
    expect(Object.fromEntries(listed.map((h) => [h.id, [h.status, h.homeForce]]))).toEqual(
      Object.fromEntries(records.map(([id, r]) => [id, [r.status, r.homeForce]])),
    );
    // This seed's week plays every fate: closed, only acknowledged, late, redirected, ignored.
    const fates = new Set(records.map(([, r]) => r.fate));
    expect([...fates].sort()).toEqual(
      ['acknowledges', 'closes', 'ignored', 'late', 'redirected'].sort(),
    );
    for (const [id, r] of records) {
      const h = listed.find((l) => l.id === id);
      expect(h.foundForce).toBe(r.foundForce);
      expect(h.safeguardingOutcomeId).toEqual(expect.any(String));
      // Acknowledged after its deadline: it went overdue and was escalated on the way.
      if (r.fate === 'late') expect(h.escalatedAt).not.toBeNull();
      if (r.fate === 'redirected')
        expect(h.history.map((e: any) => e.action)).toContain('redirect');
    }
  });

  it('ends with board hand-off figures equal to what the demo raised, by home force', async () => {
    // Read together: an unanswered hand-off may go overdue between two reads.
    const { listed, b } = await waitFor(
      async () => ({
        listed: await weekHandoffs(result.operationId),
        b: await board(result.operationId),
      }),
      ({ listed, b }) => sameCounts(b.handoffs, handoffCounts(listed)),
      { timeoutMs: 20_000, intervalMs: 250, what: 'the demo hand-offs on the board' },
    );
    const expected = handoffCounts(listed);
    expect(expected.raised + expected.acknowledged + expected.closed).toBe(
      Object.keys(result.handoffs).length,
    );
    expect(b.handoffs).toEqual(expected);
    const homes = new Set(listed.map((h) => h.homeForce));
    for (const force of homes)
      expect(b.handoffsByForce[force]).toEqual(
        handoffCounts(listed.filter((h) => h.homeForce === force)),
      );
  });

  it('gives focus-line results whose outcome counts equal what the demo reported on the focus lines', async () => {
    const focusIds = result.focusLines.map((l) => l.id);
    const onFocus = result.accepted.filter((b) => focusIds.includes(b.lineId as string));
    // The demo's focus forces reported on their focus lines, and closed some of them.
    expect(onFocus.length).toBeGreaterThan(3);
    const token = await tokenFor({ role: 'nclcc' });
    const results = await waitFor(
      async () =>
        (
          await api('GET', `/api/v1/operations/${result.operationId}/focus-lines/results`, {
            token,
          })
        ).body,
      (r) => r.totals?.outcomes === onFocus.length,
      { timeoutMs: 20_000, intervalMs: 250, what: 'the focus-line results to count the demo' },
    );
    expect(results.focusLines.map((l: any) => l.lineId).sort()).toEqual([...focusIds].sort());
    for (const line of results.focusLines) {
      const expected = expectedLineOutcomes(result.accepted, line.lineId);
      expect(line.outcomes).toEqual(expected);
      const closedByResult = expected.byAction.closedType1 + expected.byAction.closedType2 > 0;
      expect(line.closed).toBe(closedByResult);
    }
    const closed = results.focusLines.filter((l: any) => l.closed).length;
    expect(closed).toBeGreaterThan(0);
    expect(closed).toBeLessThan(focusIds.length);
    // Results named the holders' other lines and the reporting forces' own lines too.
    expect(
      result.accepted.filter((b) => b.lineId && !focusIds.includes(b.lineId as string)).length,
    ).toBeGreaterThan(0);
  });

  it('loads baselines before the week and the gaming check flags exactly the forces made to defer', async () => {
    const loaded = result.baselines!;
    expect(loaded.weeks).toHaveLength(
      GAMING_CHECK_RULE.recentWeeks + GAMING_CHECK_RULE.baselineWeeks,
    );
    expect(loaded.import.rejected).toEqual([]);
    expect(loaded.import.accepted + loaded.import.duplicates).toBe(44 * loaded.weeks.length);
    expect(loaded.deferringForces.length).toBeGreaterThanOrEqual(1);
    const token = await tokenFor({ role: 'nclcc' });
    const check = await waitFor(
      async () =>
        (await api('GET', `/api/v1/operations/${result.operationId}/gaming-check`, { token })).body,
      (c) =>
        c.forces?.length === 44 && c.forces.every((f: any) => f.status !== 'insufficient-history'),
      { timeoutMs: 30_000, intervalMs: 500, what: 'every force baseline in the gaming check' },
    );
    expect(check.recentWeeks.to).toBe(loaded.weeks.at(-1));
    const flagged = check.forces.filter((f: any) => f.status === 'flagged');
    expect(flagged.map((f: any) => f.force).sort()).toEqual(loaded.deferringForces);
    for (const f of flagged) expect(f.findings.join(' ')).toMatch(/fewer arrests/);
  });

  it("compares the week with the demo's earlier, closed week, whose figures are what it reported", async () => {
    const earlier = result.earlierWeek!;
    const sum = (type: string, pick: (b: any) => number) =>
      earlier.reported.filter((b) => b.type === type).reduce((n, b) => n + pick(b), 0);
    const expected = {
      arrests: sum('arrest', (b) => b.count),
      safeguarded: sum('safeguarding', (b) => b.children + b.adults),
      cashPence: sum('seizure', (b) => b.cashPence),
      weapons: sum('seizure', (b) => b.weapons.firearm + b.weapons.bladed + b.weapons.other),
      linesClosed: sum('line', (b) => (String(b.action).startsWith('closed-') ? 1 : 0)),
    };
    expect(expected.arrests).toBeGreaterThan(0);
    const token = await tokenFor({ role: 'nclcc' });
    const op = await api('GET', `/api/v1/operations/${earlier.operationId}`, { token });
    expect(op.body.status).toBe('closed');
    const comparison = await waitFor(
      async () =>
        (await api('GET', `/api/v1/operations/${result.operationId}/comparison`, { token })).body,
      (c) =>
        c.earlierWeeks?.find((w: any) => w.operationId === earlier.operationId)?.national
          .arrests === expected.arrests,
      { timeoutMs: 20_000, intervalMs: 250, what: 'the earlier demo week in weeks compared' },
    );
    const week = comparison.earlierWeeks.find((w: any) => w.operationId === earlier.operationId);
    expect(week.national).toEqual(expected);
    // Smaller than this week, as the demo made it.
    expect(comparison.thisWeek.national.arrests).toBeGreaterThan(expected.arrests);
  });
});
