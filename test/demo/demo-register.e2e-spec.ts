import { waitFor } from '@intensify/testing';
import {
  DemoClient,
  focusOnTopRanked,
  generateRegister,
  Random,
  seedRegister,
} from '../../libs/demo/src';
import { api, tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';

async function focusMap(operationId: string) {
  const res = await api('GET', `/api/v1/operations/${operationId}/focus-map`, {
    token: await tokenFor({ role: 'nclcc' }),
  });
  if (res.status !== 200) throw new Error(`focus-map: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('npm run demo: the seeded register and the week focus taken from it', () => {
  const register = generateRegister(new Random(99), 60);
  const client = new DemoClient(runEnv().gatewayUrl);
  const nclcc = { sub: 'demo-test-nclcc', role: 'nclcc' as const };

  it('uploads every force return once; the same returns again change nothing', async () => {
    const week = await createActiveWeek('Demo register week');
    const before = await focusMap(week.id);

    const first = await seedRegister(client, register, '2026-10');
    expect(first.counts).toEqual({ new: register.length, updated: 0, unchanged: 0, rejected: 0 });
    expect(first.replayed).toBe(0);
    // The same files again are recognised as already taken; next month's same files add no
    // line (only each line's last-intelligence date moves on).
    const again = await seedRegister(client, register, '2026-10');
    expect(again.replayed).toBe(first.forces);
    const nextMonth = await seedRegister(client, register, '2026-11');
    expect(nextMonth.replayed).toBe(0);
    expect(nextMonth.counts.new + nextMonth.counts.rejected).toBe(0);
    expect(nextMonth.counts.updated + nextMonth.counts.unchanged).toBe(register.length);

    // Every force's figures moved by exactly the hand count of the seeded register.
    const exporting = new Map<string, number>();
    const importing = new Map<string, number>();
    for (const line of register.filter((l) => l.status === 'active')) {
      exporting.set(line.exportingForce, (exporting.get(line.exportingForce) ?? 0) + 1);
      for (const f of line.importingForces) importing.set(f, (importing.get(f) ?? 0) + 1);
    }
    const delta = (after: any, force: string, key: string) =>
      after.forces[force][key] - before.forces[force][key];
    const after = await waitFor(
      () => focusMap(week.id),
      (m) =>
        Object.keys(m.forces).every(
          (f) =>
            delta(m, f, 'activeLinesExporting') === (exporting.get(f) ?? 0) &&
            delta(m, f, 'activeLinesImporting') === (importing.get(f) ?? 0),
        ),
      { timeoutMs: 20_000, intervalMs: 250, what: 'the focus map to count the seeded register' },
    );
    expect(Object.keys(after.forces)).toHaveLength(44);
  });

  it('focuses a week on the top-ranked lines, whose forces become its focus forces', async () => {
    const week = await createActiveWeek('Demo focus week');
    const focus = await focusOnTopRanked(client, nclcc, week.id, 3);
    expect(focus.focusLines).toHaveLength(3);
    const expected = new Set<string>();
    for (const { id } of focus.focusLines) {
      const line = await api('GET', `/api/v1/lines/${id}`, {
        token: await tokenFor({ role: 'nclcc' }),
      });
      expected.add(line.body.exportingForce);
      for (const f of line.body.importingForces) expected.add(f);
    }
    expect([...focus.focusForces].sort()).toEqual([...expected].sort());
    await waitFor(
      async () =>
        (
          await api('GET', `/api/v1/operations/${week.id}`, {
            token: await tokenFor({ role: 'nclcc' }),
          })
        ).body,
      (op) => [...op.focusForces].sort().join() === [...expected].sort().join(),
      { timeoutMs: 20_000, intervalMs: 250, what: 'the week to carry the focus forces' },
    );
  });
});
