import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tokenFor } from '../support/api';
import { expectExactlyOnce, reportStream } from '../support/resilient-client';
import { platformHealthy } from '../support/service-restarts';
import { runEnv } from '../support/run-env';
import { createActiveWeek, hoursAgo, MERSEYSIDE, report } from '../support/scenario';

const run = promisify(execFile);
const STACK = join(__dirname, '..', '..', 'infra', 'local', 'stack.mjs');

async function restart(server: 'kafka' | 'postgres' | 'redis'): Promise<void> {
  await run(process.execPath, [STACK, 'restart', server], { timeout: 120_000 });
}

/**
 * After each restart, every outcome that got a 2xx is on the board exactly once (figures equal
 * the sum of what was accepted), and the platform reports healthy again by itself.
 */
describe.each(['kafka', 'postgres'] as const)('restarting %s mid-stream', (server) => {
  it('loses nothing and counts nothing twice', async () => {
    const op = await createActiveWeek(`Restart ${server} week`);
    const { sent, midwayDone } = await reportStream(op.id, 150, 6, MERSEYSIDE, hoursAgo(2), {
      at: 40,
      run: () => restart(server),
    });
    await midwayDone;
    await expectExactlyOnce(op.id, sent, 150);
    await platformHealthy();
    // A broker holding a whole suite's partitions takes half a minute to stop and load again.
  }, 240_000);
});

describe('restarting redis', () => {
  it('keeps board streams flowing once Redis is back', async () => {
    const op = await createActiveWeek('Restart redis week');
    const token = await tokenFor({ role: 'commander' });
    await restart('redis');
    await platformHealthy();
    const ctrl = new AbortController();
    const res = await fetch(
      `${runEnv().gatewayUrl}/api/v1/operations/${op.id}/board/stream?access_token=${token}`,
      {
        signal: ctrl.signal,
      },
    );
    const reader = (res.body as any).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      const until = Date.now() + 20_000;
      while (!pattern.test(text) && Date.now() < until)
        text += decoder.decode((await reader.read()).value ?? new Uint8Array());
      return pattern.test(text);
    };
    expect(await readUntil(/"eventsApplied":0/)).toBe(true);
    expect(
      (
        await report(op.id, {
          type: 'arrest',
          force: MERSEYSIDE,
          occurredAt: hoursAgo(1),
          count: 5,
        })
      ).status,
    ).toBe(202);
    expect(await readUntil(/"arrests":5/)).toBe(true);
    ctrl.abort();
  }, 120_000);
});
