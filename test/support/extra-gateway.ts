import { join } from 'node:path';
import { freePort, PlatformProcesses, waitFor } from '@intensify/testing';
import { runEnv } from './run-env';

const ROOT = join(__dirname, '..', '..');

export interface ExtraGateway {
  url: string;
  /** Its log file, in the run's log folder. */
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts one more built gateway beside the run's own, in front of the same services, with the
 * run's settings changed by `env`; answers once it is healthy.
 */
export async function startExtraGateway(
  name: string,
  env: Record<string, string>,
): Promise<ExtraGateway> {
  const run = runEnv();
  const port = await freePort();
  const platform = new PlatformProcesses(
    ROOT,
    // No metrics listener: the run's own gateway holds its port.
    { ...run.platformEnv, PORT: String(port), METRICS_PORT: '0', ...env },
    run.logDir,
  );
  platform.start('gateway', name);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => platform.stop('gateway');
  try {
    await waitFor(
      () =>
        fetch(`${url}/api/v1/health`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { timeoutMs: 60_000, intervalMs: 250, what: `gateway ${name} healthy` },
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, logFile: join(run.logDir, `${name}.log`), stop };
}
