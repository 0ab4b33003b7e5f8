import { Pool } from 'undici';
import type { Outcome } from '@intensify/contracts';
import { tokenFor } from '../support/api';
import { createActiveWeek } from '../support/scenario';
import { record } from './record';
import { startBareServer } from './support/bare-server';
import {
  boardSettled,
  cpuMeter,
  gatewayPool,
  percentile,
  post,
  recordRatiosWhenComplete,
  recordServiceRss,
  round,
  shareResult,
  sharedResults,
} from './support/measure';
import { addInto, mixedOutcome, nationalFigures, nationalFromBoard } from './support/workload';

/**
 * Accept throughput: outcomes/s through the public API by a closed loop of N keep-alive
 * clients (each sends its next report when the last one is answered), after a warm-up. Every
 * answer must be 202, and the board must end with exactly that many events and the same
 * national figures as the bodies that were accepted.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '32,64').split(',').map(Number);
/** The bare HTTP server's run at each level (0 leaves it out). */
const BARE_SECONDS = Number(process.env.BENCH_BARE_SECONDS ?? 10);

interface LoadRun {
  statuses: Record<string, number>;
  latenciesMs: number[];
  seconds: number;
  totals: Record<string, number>;
}

async function closedLoop(
  pool: Pool,
  path: string,
  token: string,
  concurrency: number,
  seconds: number,
  firstIndex: number,
): Promise<LoadRun> {
  const run: LoadRun = { statuses: {}, latenciesMs: [], seconds: 0, totals: {} };
  const at = new Date(Date.now() - 3_600_000).toISOString();
  let next = firstIndex;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  const client = async () => {
    // Bounded by time; each request by undici's timeouts.
    while (performance.now() < until) {
      const outcome: Outcome = mixedOutcome(next++, at);
      const started = performance.now();
      const { status } = await post(pool, path, token, outcome);
      run.latenciesMs.push(performance.now() - started);
      run.statuses[status] = (run.statuses[status] ?? 0) + 1;
      if (status === '202') addInto(run.totals, outcome);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  run.seconds = (performance.now() - t0) / 1000;
  return run;
}

/** The closed loop against a bare HTTP server answering 202 (see support/bare-server). */
async function bareRun(concurrency: number, token: string, firstIndex: number) {
  const server = await startBareServer();
  const pool = new Pool(server.url, { connections: concurrency, pipelining: 1 });
  try {
    const run = await closedLoop(pool, '/outcomes', token, concurrency, BARE_SECONDS, firstIndex);
    const ok = run.statuses['202'] ?? 0;
    return {
      perSecond: ok / run.seconds,
      p99: percentile(run.latenciesMs, 99),
      non202: run.latenciesMs.length - ok,
    };
  } finally {
    await pool.close();
    await server.stop();
  }
}

describe('accept throughput through the public HTTP API', () => {
  let token: string;
  let index = 0;
  const rates: number[] = [];

  beforeAll(async () => {
    token = await tokenFor({ role: 'nclcc' });
  });

  afterAll(() => {
    recordServiceRss(
      ['accept', sharedResults().freshness ? 'freshness' : ''].filter(Boolean).join('+'),
    );
    shareResult('accept', { bestPerSecond: Math.max(0, ...rates) });
    recordRatiosWhenComplete();
  });

  for (const concurrency of LEVELS) {
    it(`at ${concurrency} connections for ${SECONDS} s`, async () => {
      const pool = gatewayPool(concurrency);
      try {
        // Warm-up on its own operation: connections, JIT, database and Kafka clients.
        const warm = await createActiveWeek(`Accept warm-up ${concurrency}`);
        await closedLoop(
          pool,
          `/api/v1/operations/${warm.id}/outcomes`,
          token,
          concurrency,
          WARM_UP_SECONDS,
          index,
        );
        index += 1_000_000;

        const op = await createActiveWeek(`Accept benchmark ${concurrency}`);
        const cpu = cpuMeter();
        const run = await closedLoop(
          pool,
          `/api/v1/operations/${op.id}/outcomes`,
          token,
          concurrency,
          SECONDS,
          index,
        );
        index += 1_000_000;
        const accepted = run.statuses['202'] ?? 0;
        const cpuPerOutcome = cpu(accepted);
        const requests = run.latenciesMs.length;
        const rate = accepted / run.seconds;
        rates.push(rate);

        // Exactly the accepted events on the board: reach the count, then stay there.
        const { drainMs, final } = await boardSettled(op.id, accepted);

        // The same requests at the same concurrency to a bare server, on the same machine state.
        const bare = BARE_SECONDS > 0 ? await bareRun(concurrency, token, index) : undefined;
        index += 1_000_000;

        const p50 = percentile(run.latenciesMs, 50);
        const p99 = percentile(run.latenciesMs, 99);
        record(
          'http-accept',
          {
            concurrency,
            seconds: round(run.seconds),
            requests,
            accepted,
            non202: requests - accepted,
            perSecond: Math.round(rate),
            p50ms: round(p50),
            p90ms: round(percentile(run.latenciesMs, 90)),
            p99ms: round(p99),
            maxMs: round(Math.max(...run.latenciesMs)),
            boardEvents: final.eventsApplied,
            boardCaughtUpMsAfterLoad: Math.round(drainMs),
            ...cpuPerOutcome,
            ...(bare && {
              bareHttpPerSecond: Math.round(bare.perSecond),
              bareHttpP99ms: round(bare.p99),
              acceptToBareHttp: round(rate / bare.perSecond, 3),
            }),
          },
          '>= 3000 outcomes/s with p99 < 100 ms',
          rate >= 3000 && p99 < 100,
        );
        expect(run.statuses).toEqual({ '202': requests });
        if (bare) expect(bare.non202).toBe(0);
        expect(final.eventsApplied).toBe(accepted);
        expect(nationalFromBoard(final)).toEqual(nationalFigures(run.totals));
      } finally {
        await pool.close();
      }
    });
  }
});
