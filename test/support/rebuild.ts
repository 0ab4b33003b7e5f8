import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runEnv } from './run-env';

const run = promisify(execFile);
const REBUILD_CLI = join(
  __dirname,
  '..',
  '..',
  'dist',
  'apps',
  'projections',
  'src',
  'rebuild',
  'rebuild.cli.js',
);

/**
 * Runs `npm run projections:rebuild`'s CLI against the run's projections service, with the
 * run's service credential, and answers what it printed (its progress and "done in … s").
 */
export async function rebuildReadModels(timeoutMs = 120_000): Promise<string> {
  const { stdout } = await run(process.execPath, [REBUILD_CLI], {
    env: {
      ...process.env,
      PROJECTIONS_URL: runEnv().projectionsUrl,
      SERVICE_SIGNING_KEY: runEnv().platformEnv.SERVICE_SIGNING_KEY,
    },
    timeout: timeoutMs,
  });
  return stdout;
}
