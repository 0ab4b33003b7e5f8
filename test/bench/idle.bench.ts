import { execFileSync } from 'node:child_process';
import { runEnv } from '../support/run-env';
import { record } from './record';
import { cpuMs, pidsMatching, round, sleep } from './support/measure';

/**
 * Idle: CPU a platform at rest uses, per service and in total, as a share of one core. The
 * services have started, joined their groups and had nothing to do for a settling spell; then
 * their CPU is read over a quiet window. The broker's JVM, PostgreSQL and Redis are reported
 * beside them (they are the machine's, shared with whatever else runs) but are not the target.
 */
// For a minute or two after start each service still runs V8's compactions of its start-up heap
// (100–250 ms of CPU apiece, a few times): that is start-up, not rest. The window opens after
// it; the start-up tail is reported beside it.
const SETTLE_SECONDS = Number(process.env.BENCH_IDLE_SETTLE_SECONDS ?? 150);
const WINDOW_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 60);

function sumCpu(pids: number[]): number {
  return pids.reduce((a, p) => a + (cpuMs(p) ?? 0), 0);
}

describe('idle', () => {
  it('a platform at rest uses under 1% of a core in total', async () => {
    const services = runEnv().pids ?? {};
    const servicesCpu = () => sumCpu(Object.values(services));
    const settleStart = { cpu: servicesCpu(), at: performance.now() };
    await sleep(SETTLE_SECONDS * 1000);
    const startUpTail = (servicesCpu() - settleStart.cpu) / (performance.now() - settleStart.at);
    const others: Record<string, number[]> = {
      kafkaBroker: pidsMatching('kafka.Kafka'),
      postgres: pidsMatching('postgres'),
      redis: pidsMatching('redis-server'),
    };
    const before = Object.fromEntries(Object.entries(services).map(([s, p]) => [s, cpuMs(p)]));
    const othersBefore = Object.fromEntries(Object.entries(others).map(([s, p]) => [s, sumCpu(p)]));
    const t0 = performance.now();
    await sleep(WINDOW_SECONDS * 1000);
    const seconds = (performance.now() - t0) / 1000;
    const figures: Record<string, number> = { seconds: round(seconds) };
    let total = 0;
    for (const [service, pid] of Object.entries(services)) {
      const a = before[service];
      const b = cpuMs(pid);
      if (a === undefined || b === undefined) continue;
      const share = (b - a) / (seconds * 1000);
      total += share;
      figures[`${service}CorePercent`] = round(share * 100, 2);
    }
    figures.servicesCorePercent = round(total * 100, 2);
    figures.servicesStartUpTailCorePercent = round(startUpTail * 100, 2);
    for (const [name, pids] of Object.entries(others)) {
      if (!pids.length) continue;
      figures[`${name}CorePercent`] = round(
        ((sumCpu(pids) - othersBefore[name]) / (seconds * 1000)) * 100,
        2,
      );
    }
    figures.loadAverage1m = round(
      Number(execFileSync('cat', ['/proc/loadavg']).toString().split(' ')[0]),
      2,
    );
    record('idle', figures, 'services at rest < 1% of one core in total', total < 0.01);
    expect(figures.servicesCorePercent).toBeGreaterThanOrEqual(0);
  });
});
