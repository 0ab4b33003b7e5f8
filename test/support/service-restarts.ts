import { join } from 'node:path';
import {
  METRICS_PORT_VARIABLES,
  PlatformProcesses,
  ServiceName,
  waitFor,
} from '@intensify/testing';
import { api } from './api';
import { runEnv, updateRunEnv } from './run-env';

const ROOT = join(__dirname, '..', '..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops a running service of this run: SIGKILL for a crash, SIGTERM for a graceful stop. */
export async function stopService(
  name: ServiceName | string,
  signal: NodeJS.Signals,
): Promise<void> {
  const pid = runEnv().pids[name];
  process.kill(pid, signal);
  await waitFor(
    async () => alive(pid),
    (a) => !a,
    { timeoutMs: 30_000, what: `${name} (${pid}) to exit` },
  );
}

/**
 * Starts the service again with the run's settings and records its pid for the teardown. With
 * `as`, it starts another instance beside the running one (its own port, the same group, no
 * `/metrics` listener unless `env` gives it a port).
 */
export function startService(
  name: ServiceName,
  as: string = name,
  env: Record<string, string> = {},
): void {
  const run = runEnv();
  const beside = as === name ? {} : { [METRICS_PORT_VARIABLES[name]]: '0' };
  const child = new PlatformProcesses(
    ROOT,
    { ...run.platformEnv, ...beside, ...env },
    run.logDir,
  ).start(name, as);
  child.unref();
  updateRunEnv((e) => (e.pids[as] = child.pid!));
}

export async function platformHealthy(): Promise<void> {
  await waitFor(
    async () => (await api('GET', '/api/v1/health')).status,
    (s) => s === 200,
    {
      timeoutMs: 90_000,
      intervalMs: 250,
      what: 'the platform to be healthy',
    },
  );
}

/** How many partitions, over all its topics, a service's consumer owns by the public health. */
export async function partitionsOwned(service: ServiceName): Promise<number> {
  const res = await api('GET', '/api/v1/health');
  const assignment: Record<string, number[]> =
    res.body?.checks?.consumer?.[service]?.assignment ?? {};
  return Object.values(assignment).reduce((n, p) => n + p.length, 0);
}

/**
 * Waits until the service's consumer owns `partitions` again. A member killed outright keeps its
 * partitions until its session times out (30 s): a test that kills one waits for this, so the
 * next test does not find a partition nobody reads.
 */
export async function ownsPartitions(service: ServiceName, partitions: number): Promise<void> {
  await waitFor(
    () => partitionsOwned(service),
    (n) => n === partitions,
    { timeoutMs: 90_000, intervalMs: 500, what: `${service} to own all ${partitions} partitions` },
  );
}
