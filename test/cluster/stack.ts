import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(__dirname, '..', '..');
const STACK = join(ROOT, 'infra', 'local', 'stack.mjs');

/** The cluster the suite runs on: never the shared broker's ports unless asked. */
export const CLUSTER = {
  basePort: Number(process.env.CLUSTER_BASE_PORT ?? 19092),
  dir: process.env.KAFKA_CLUSTER_DIR ?? join(ROOT, '.local', 'kafka-cluster-test'),
  nodes: 3,
};

export const clusterBrokers = () =>
  Array.from({ length: CLUSTER.nodes }, (_, i) => `127.0.0.1:${CLUSTER.basePort + 2 * i}`).join(
    ',',
  );

/** Runs `stack.mjs <args>` against the suite's cluster folder. */
export async function stack(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [STACK, ...args, '--data-dir', CLUSTER.dir], {
    timeout: 240_000,
  });
  return stdout;
}

/** The process id of node `id` (1-based), from the pid file stack.mjs keeps. */
export function nodePid(id: number): number {
  return Number(readFileSync(join(CLUSTER.dir, `kafka-${id}`, 'broker.pid'), 'utf8').trim());
}
