import { waitFor } from '@intensify/testing';
import { runDemoWeek, DemoWeekResult } from '../../libs/demo/src';
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
  };
}

describe('npm run demo: a compressed intensification week', () => {
  let result: DemoWeekResult;
  const progress: number[] = [];

  beforeAll(async () => {
    result = await runDemoWeek({
      gatewayUrl: runEnv().gatewayUrl,
      durationMs: 12_000,
      scale: 0.04,
      seed: 11,
      name: 'Demo week under test',
      // Every eligible safeguarding result raises one, so the short week sees every fate.
      handoffShare: 1,
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
    }).toEqual(expected);
  });

  it('leaves the tasking counts the simulated forces produced, overdue ones included', async () => {
    const statuses = Object.values(result.taskingStatuses);
    const count = (s: string) => statuses.filter((x) => x === s).length;
    expect(statuses.length).toBe(4);
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
});
