import { ServiceName } from '@intensify/testing';
import { expectExactlyOnce, reportStream } from '../support/resilient-client';
import { createActiveWeek, hoursAgo, MERSEYSIDE } from '../support/scenario';
import { platformHealthy, startService, stopService } from '../support/service-restarts';

/**
 * A service killed (-9) or stopped (SIGTERM) in the middle of a stream of reports, then started
 * again: every outcome that got a 2xx is on the board exactly once. Clients retry 5xx answers
 * and dropped connections with the same Idempotency-Key, as the API asks them to.
 */
const CASES: [ServiceName, NodeJS.Signals][] = [
  ['projections', 'SIGKILL'],
  ['reporting', 'SIGKILL'],
  ['reporting', 'SIGTERM'],
  ['projections', 'SIGTERM'],
];

describe.each(CASES)('%s stopped with %s mid-stream', (service, signal) => {
  it('loses nothing and counts nothing twice', async () => {
    const op = await createActiveWeek(`${service} ${signal} week`);
    const { sent, midwayDone } = await reportStream(op.id, 120, 6, MERSEYSIDE, hoursAgo(2), {
      at: 30,
      run: async () => {
        await stopService(service, signal);
        startService(service);
      },
    });
    await midwayDone;
    await platformHealthy();
    await expectExactlyOnce(op.id, sent, 120);
    // A killed consumer's partitions wait out Kafka's session timeout before they move.
  }, 120_000);
});
