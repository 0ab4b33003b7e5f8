import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@intensify/testing';
import { runEnv } from './run-env';

const ROOT = join(__dirname, '..', '..');

/**
 * Starts the built gateway with the run's settings changed by `env` and waits for it to exit
 * (it must refuse to start); answers its exit code and everything it wrote.
 */
export async function gatewayExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/gateway/src/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...runEnv().platformEnv,
      PORT: String(await freePort()),
      METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}
