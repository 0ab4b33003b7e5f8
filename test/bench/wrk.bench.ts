import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Outcome } from '@intensify/contracts';
import { waitFor } from '@intensify/testing';
import { tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { board, createActiveWeek } from '../support/scenario';
import { record } from './record';
import { startBareServer } from './support/bare-server';
import { boardSettled, cpuMeter, round } from './support/measure';
import { contribution, mixedOutcome, nationalFigures, nationalFromBoard } from './support/workload';
import { runWrk, WrkResult } from './support/wrk-run';

/**
 * Accept throughput measured from outside by wrk, an independent load generator
 * (infra/bench/wrk/outcomes.lua): 32 connections on 2 threads through the public API after a
 * warm-up, then the same script against a bare Node HTTP server answering 202 in the same run.
 * Every answer must be 202 and the board must end with exactly as many events as 202s and the
 * national figures those bodies add up to.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
const BARE_SECONDS = Number(process.env.BENCH_BARE_SECONDS ?? 10);
const CONNECTIONS = 32;
const THREADS = 2;

/**
 * wrk cannot tell which body a 202 answered, so the bodies are a fixed cycle: each thread sends
 * the file's lines in turn and the script counts how often it sent each line. Its threads send
 * nothing after the deadline and stop once every request they sent is answered, so with every
 * answer 202 the totals are exactly Σ sentByBody[i] × body i.
 */
const CYCLE = 64;

function totalsOf(bodies: Outcome[], sentByBody: number[]): Record<string, number> {
  const totals: Record<string, number> = {};
  bodies.forEach((o, i) => {
    for (const [k, v] of Object.entries(contribution(o)))
      totals[k] = (totals[k] ?? 0) + v * (sentByBody[i] ?? 0);
  });
  return totals;
}

const socketErrors = (r: WrkResult) =>
  r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout;

describe('accept throughput measured by wrk', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'intensify-wrk-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`at ${CONNECTIONS} connections for ${SECONDS} s, then a bare HTTP server`, async () => {
    const token = await tokenFor({ role: 'nclcc' });
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const bodies = Array.from({ length: CYCLE }, (_, i) => mixedOutcome(i, at));
    const bodiesFile = join(dir, 'bodies.jsonl');
    writeFileSync(bodiesFile, bodies.map((b) => JSON.stringify(b)).join('\n') + '\n');
    const url = runEnv().gatewayUrl;
    const wrk = (operationId: string, seconds: number, target = url) =>
      runWrk({
        url: target,
        operationId,
        token,
        bodiesFile,
        seconds,
        connections: CONNECTIONS,
        threads: THREADS,
      });

    // Warm-up on its own week: connections, JIT, database and Kafka clients.
    const warm = await createActiveWeek('wrk warm-up');
    const warmed = await wrk(warm.id, WARM_UP_SECONDS);
    await waitFor(
      () => board(warm.id),
      (b) => b.eventsApplied >= (warmed.statuses['202'] ?? 0),
      { timeoutMs: 180_000, intervalMs: 100, what: 'the warm-up on the board' },
    );

    const op = await createActiveWeek('wrk benchmark');
    const cpu = cpuMeter();
    const run = await wrk(op.id, SECONDS);
    const accepted = run.statuses['202'] ?? 0;
    const cpuPerOutcome = cpu(accepted);

    // Exactly the accepted events on the board: reach the count, then stay there.
    const { drainMs, final } = await boardSettled(op.id, accepted);

    // The same script, connections and bodies against a bare server, on the same machine state.
    let bare: WrkResult | undefined;
    if (BARE_SECONDS > 0) {
      const server = await startBareServer();
      try {
        bare = await wrk(op.id, BARE_SECONDS, server.url);
      } finally {
        await server.stop();
      }
    }

    const ratio = bare ? run.perSecond / bare.perSecond : undefined;
    record(
      'wrk-accept',
      {
        connections: CONNECTIONS,
        threads: THREADS,
        seconds: round(run.windowMs / 1000),
        requests: run.requests,
        accepted,
        non202: run.non202,
        unanswered: run.unanswered,
        socketErrors: socketErrors(run),
        perSecond: Math.round(run.perSecond),
        p50ms: run.p50ms,
        p90ms: run.p90ms,
        p99ms: run.p99ms,
        maxMs: run.maxMs,
        boardEvents: final.eventsApplied,
        boardCaughtUpMsAfterLoad: Math.round(drainMs),
        ...cpuPerOutcome,
        ...(run.wrkCpuMsPerRequest !== undefined && { wrkCpuMsPerRequest: run.wrkCpuMsPerRequest }),
        ...(bare && {
          bareHttpPerSecond: Math.round(bare.perSecond),
          bareHttpP99ms: bare.p99ms,
          acceptToBareHttp: round(ratio!, 3),
        }),
      },
      '>= 3000 outcomes/s and >= 0.1 of bare HTTP, p99 < 100 ms',
      run.perSecond >= 3000 && (ratio === undefined || ratio >= 0.1) && run.p99ms < 100,
    );

    expect(run.requests).toBeGreaterThan(0);
    expect(run.statuses).toEqual({ '202': run.requests });
    // A request lost to a socket error is never answered, so `unanswered` is the check; wrk
    // also counts as a read error an idle connection the gateway closes (keep-alive timeout)
    // while the others drain, which loses nothing. A timeout is a latency past wrk's histogram.
    expect(run.unanswered).toBe(0);
    expect(run.errors.timeout).toBe(0);
    if (bare) {
      expect(bare.statuses).toEqual({ '202': bare.requests });
      expect(bare.unanswered).toBe(0);
    }
    expect(run.sentByBody!.reduce((a, b) => a + b, 0)).toBe(run.sent);
    expect(final.eventsApplied).toBe(accepted);
    expect(nationalFromBoard(final)).toEqual(nationalFigures(totalsOf(bodies, run.sentByBody!)));
  });
});
