import { waitFor } from '@intensify/testing';
import { runDemoWeek, DemoWeekResult } from '../../libs/demo/src';
import { runEnv } from '../support/run-env';
import { board } from '../support/scenario';

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
      onProgress: (p) => progress.push(p.outcomesSent),
    });
  }, 60_000);

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
});
