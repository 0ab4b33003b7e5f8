import { waitFor } from '@intensify/testing';
import { DemoClient, generateRegister, Random, seedRegister } from '../../libs/demo/src';
import { api, tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { createActiveWeek } from '../support/scenario';
import { record } from './record';

const LINES = 1_000;

/**
 * A national month of returns: about 1,000 lines and 2,000 numbers from every exporting force,
 * uploaded as the demo does; time until the focus map counts them all; the ranking's latency.
 */
describe('county lines register throughput', () => {
  it(`loads ${LINES} lines from every force's return and shows them on the focus map`, async () => {
    const register = generateRegister(new Random(7), LINES);
    const client = new DemoClient(runEnv().gatewayUrl);
    const token = await tokenFor({ role: 'nclcc' });
    const week = await createActiveWeek('Register benchmark week');
    const map = async () =>
      (await api('GET', `/api/v1/operations/${week.id}/focus-map`, { token })).body;
    const total = (m: any) =>
      Object.values(m.forces).reduce((n: number, f: any) => n + f.activeLinesExporting, 0);
    const before = total(await map());
    const active = register.filter((l) => l.status === 'active').length;

    const t0 = performance.now();
    const first = await seedRegister(client, register, '2026-09');
    const uploadMs = performance.now() - t0;
    expect(first.counts.new).toBe(LINES);
    await waitFor(map, (m) => total(m) - before === active, {
      timeoutMs: 120_000,
      intervalMs: 100,
      what: 'the focus map to count every seeded line',
    });
    const onMapMs = performance.now() - t0;

    const t1 = performance.now();
    const again = await seedRegister(client, register, '2026-09');
    const replayMs = performance.now() - t1;
    expect(again.replayed).toBe(first.forces);

    const t2 = performance.now();
    const next = await seedRegister(client, register, '2026-10');
    const nextMonthMs = performance.now() - t2;
    expect(next.counts.new).toBe(0);

    const rankingMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const res = await api('GET', '/api/v1/lines/ranking?status=active&limit=50', { token });
      rankingMs.push(performance.now() - t);
      expect(res.status).toBe(200);
    }
    rankingMs.sort((a, b) => a - b);

    record(
      'register-returns',
      {
        lines: LINES,
        numbers: register.reduce((n, l) => n + l.numbers.length, 0),
        returns: first.forces,
        uploadMs: Math.round(uploadMs),
        linesPerSecond: Math.round(LINES / (uploadMs / 1000)),
        allOnFocusMapMs: Math.round(onMapMs),
        sameFilesAgainMs: Math.round(replayMs),
        nextMonthMs: Math.round(nextMonthMs),
        rankingP50ms: Math.round(rankingMs[10]),
        rankingMaxMs: Math.round(rankingMs[19]),
      },
      'a national month of returns loaded and on the focus map in under a minute',
      onMapMs < 60_000,
    );
  });
});
