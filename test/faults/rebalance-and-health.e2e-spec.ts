import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { freePort, waitFor } from '@intensify/testing';
import { api } from '../support/api';
import { credentialFor } from '../support/internal-call';
import { runEnv } from '../support/run-env';
import { reportStream } from '../support/resilient-client';
import { board, createActiveWeek, hoursAgo, MERSEYSIDE, MET, report } from '../support/scenario';
import {
  ownsPartitions,
  partitionsOwned,
  platformHealthy,
  startService,
  stopService,
} from '../support/service-restarts';

const run = promisify(execFile);

describe('a second projections instance joining and leaving the group', () => {
  it('rebalances partitions without applying anything twice', async () => {
    const op = await createActiveWeek('Rebalance week');
    await platformHealthy();
    const partitions = await partitionsOwned('projections');
    expect(partitions).toBeGreaterThan(0);
    const port = await freePort();
    const { sent, midwayDone } = await reportStream(op.id, 120, 6, MET, hoursAgo(2), {
      at: 20,
      run: async () =>
        startService('projections', 'projections-2', { PROJECTIONS_PORT: String(port) }),
    });
    await midwayDone;
    // Let the newcomer take partitions, then take it away again while reports still arrive.
    await waitFor(
      async () =>
        (
          await fetch(`http://127.0.0.1:${port}/internal/health`, {
            headers: { authorization: `Bearer ${await credentialFor('projections')}` },
          })
        ).status,
      (s) => s === 200,
      {
        timeoutMs: 60_000,
        what: 'the second instance to own partitions',
      },
    );
    const more = await reportStream(op.id, 60, 6, MET, hoursAgo(2), {
      at: 10,
      run: () => stopService('projections-2', 'SIGKILL'),
    });
    await more.midwayDone;
    const all = [...sent, ...more.sent];
    const expected = all.reduce((n, s) => n + s.count, 0);
    const b = await waitFor(
      () => board(op.id),
      (x) => x.eventsApplied >= 180,
      { timeoutMs: 90_000, intervalMs: 250, what: '180 events' },
    );
    expect(b.eventsApplied).toBe(180);
    expect(b.national.arrests).toBe(expected);
    // A week's events share a partition, so the week above may never have needed the killed
    // member's partitions: wait for the group to hand them back before the next test.
    await ownsPartitions('projections', partitions);
    await platformHealthy();
  });
});

/** The broker's process, whoever started it: found by the port it listens on. */
async function brokerPid(): Promise<number> {
  const port = new URL(`kafka://${runEnv().kafkaBrokers.split(',')[0]}`).port;
  const { stdout } = await run('ss', ['-ltnpH', `sport = :${port}`]);
  const pid = stdout.match(/pid=(\d+)/)?.[1];
  if (!pid) throw new Error(`no process listens on the Kafka port ${port}`);
  return Number(pid);
}

describe('health', () => {
  it('turns 503 naming the outbox while Kafka hangs, and 200 once it answers again', async () => {
    const op = await createActiveWeek('Stalled outbox week');
    const broker = await brokerPid();
    // A hung broker (not a refused connection) is the harder case: nothing fails fast.
    process.kill(broker, 'SIGSTOP');
    try {
      // Accepted without Kafka: the outbox holds it until the broker is back.
      expect(
        (
          await report(op.id, {
            type: 'arrest',
            force: MERSEYSIDE,
            occurredAt: hoursAgo(1),
            count: 2,
          })
        ).status,
      ).toBe(202);
      const sick = await waitFor(
        () => api('GET', '/api/v1/health'),
        // Another service's outbox (the week's own events, say) may stall first: wait for the
        // one holding this outcome.
        (r) => r.status === 503 && r.body.checks.outbox?.reporting?.status === 'down',
        {
          timeoutMs: 60_000,
          intervalMs: 500,
          what: 'health to report the stalled outbox',
        },
      );
      expect(sick.body.status).toBe('error');
      expect(sick.body.checks.outbox.reporting.error).toMatch(/has not drained/);
    } finally {
      process.kill(broker, 'SIGCONT');
    }
    await platformHealthy();
    const b = await waitFor(
      () => board(op.id),
      (x) => x.eventsApplied === 1,
      { timeoutMs: 90_000, what: 'the held outcome on the board' },
    );
    expect(b.national.arrests).toBe(2);
  });
});
