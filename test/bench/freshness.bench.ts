import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import { waitFor } from '@intensify/testing';
import { tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { board, createActiveWeek } from '../support/scenario';
import { record } from './record';
import {
  gatewayPool,
  percentile,
  post,
  recordServiceRss,
  round,
  shareResult,
  sharedResults,
  sleep,
} from './support/measure';
import { closedLoopRate } from './support/viewers-load';
import { mixedOutcome } from './support/workload';

/**
 * Freshness: with a steady background load on one operation, probes on a second operation; for
 * each, the time from its 202 to (a) its count on GET /board, polled every POLL_MS, and (b) a
 * `board` event carrying it on the SSE stream.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/**
 * The background rate: `BENCH_BACKGROUND_RATE`, else half the accept rate this run measured, or
 * else measures now (32 clients for 5 s after a 3 s warm-up): above what the machine accepts, the
 * run would measure queueing, not freshness.
 */
async function backgroundRate(pool: Pool, token: string): Promise<number> {
  const given = Number(process.env.BENCH_BACKGROUND_RATE);
  if (given > 0) return given;
  let accepted = sharedResults().accept?.bestPerSecond;
  if (!accepted) {
    // A week of its own, so that the load's board counts only the load.
    const path = `/api/v1/operations/${(await createActiveWeek('Freshness rate')).id}/outcomes`;
    await closedLoopRate(pool, path, token, 32, 3);
    accepted = await closedLoopRate(pool, path, token, 32, 5);
  }
  return Math.max(1, Math.round(accepted / 2));
}
const POLL_MS = 5;
const MAX_IN_FLIGHT = 2_000;

interface Background {
  stop(): Promise<void>;
  sent: number;
  skipped: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  seconds: number;
}

/** An open loop at `rate`/s: requests are sent on schedule whether or not earlier ones returned. */
function background(pool: Pool, path: string, token: string, rate: number): Background {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const inFlight = new Set<Promise<void>>();
  let running = true;
  const bg: Background = {
    sent: 0,
    skipped: 0,
    statuses: {},
    latenciesMs: [],
    seconds: 0,
    stop: async () => {
      running = false;
      await loop;
      await Promise.all(inFlight);
    },
  };
  const send = (i: number) => {
    const started = performance.now();
    const p = post(pool, path, token, mixedOutcome(i, at))
      .then(({ status }) => status)
      .then((status) => {
        bg.statuses[status] = (bg.statuses[status] ?? 0) + 1;
        bg.latenciesMs.push(performance.now() - started);
        inFlight.delete(p);
      });
    inFlight.add(p);
  };
  const t0 = performance.now();
  const loop = (async () => {
    while (running) {
      const due = Math.floor(((performance.now() - t0) / 1000) * rate);
      while (bg.sent + bg.skipped < due) {
        if (inFlight.size >= MAX_IN_FLIGHT) bg.skipped++;
        else send(bg.sent++);
      }
      await sleep(10);
    }
    bg.seconds = (performance.now() - t0) / 1000;
  })();
  return bg;
}

/** The SSE stream of a board: the time each `eventsApplied` value was first seen. */
function boardStream(url: string) {
  const seen: { events: number; at: number }[] = [];
  const ctrl = new AbortController();
  const done = fetch(url, { signal: ctrl.signal, headers: { accept: 'text/event-stream' } })
    .then(async (res) => {
      if (res.status !== 200) throw new Error(`stream answered ${res.status}`);
      const decoder = new TextDecoder();
      let buf = '';
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        const now = performance.now();
        buf += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n');
        for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
          const block = buf.slice(0, end).split('\n');
          buf = buf.slice(end + 2);
          const event =
            block
              .find((l) => l.startsWith('event:'))
              ?.slice(6)
              .trim() ?? 'message';
          const data = block
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).replace(/^ /, ''))
            .join('\n');
          if (event !== 'board' || !data) continue;
          const n = (JSON.parse(data) as { eventsApplied: number }).eventsApplied;
          if (seen.length === 0 || n > seen[seen.length - 1].events)
            seen.push({ events: n, at: now });
        }
      }
    })
    .catch((e: Error) => {
      if (e.name !== 'AbortError') throw e;
    });
  return {
    /** When a board with at least `n` events first arrived, if it has. */
    firstAt: (n: number) => seen.find((s) => s.events >= n)?.at,
    connected: () => seen.length > 0,
    close: async () => {
      ctrl.abort();
      await done;
    },
  };
}

describe('board freshness under steady load', () => {
  afterAll(() => {
    recordServiceRss(
      ['freshness', sharedResults().accept ? 'accept' : ''].filter(Boolean).join('+'),
    );
    shareResult('freshness', { done: 1 });
  });

  it(`probes every 100–200 ms for ${SECONDS} s beside a steady load on another operation`, async () => {
    const env = runEnv();
    const token = await tokenFor({ role: 'nclcc' });
    const loadOp = await createActiveWeek('Freshness background load');
    const probeOp = await createActiveWeek('Freshness probes');
    const loadPool = gatewayPool(64);
    const probePool = gatewayPool(1);
    const pollPool = gatewayPool(1);
    const stream = boardStream(
      `${env.gatewayUrl}/api/v1/operations/${probeOp.id}/board/stream?access_token=${token}`,
    );
    const toBoard: number[] = [];
    const toStream: number[] = [];
    const pollRtts: number[] = [];
    let bg: Background | undefined;
    let rate = 0;
    try {
      await waitFor(async () => stream.connected(), Boolean, {
        timeoutMs: 10_000,
        intervalMs: 20,
        what: 'the board stream',
      });
      const loadPath = `/api/v1/operations/${loadOp.id}/outcomes`;
      rate = await backgroundRate(loadPool, token);
      bg = background(loadPool, loadPath, token, rate);
      await sleep(2_000); // the load settles before the first probe

      const at = new Date(Date.now() - 3_600_000).toISOString();
      const started = performance.now();
      for (let n = 1; performance.now() - started < SECONDS * 1000; n++) {
        const res = await probePool.request({
          path: `/api/v1/operations/${probeOp.id}/outcomes`,
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify(mixedOutcome(n, at)),
        });
        await res.body.text();
        expect(res.statusCode).toBe(202);
        const acceptedAt = performance.now();

        // (a) the board, polled; (b) the stream, watched: both at once.
        const polled = (async () => {
          const deadline = acceptedAt + 10_000;
          while (performance.now() < deadline) {
            const t = performance.now();
            const r = await pollPool.request({
              path: `/api/v1/operations/${probeOp.id}/board`,
              method: 'GET',
              headers: { authorization: `Bearer ${token}` },
            });
            const b = (await r.body.json()) as { eventsApplied: number };
            const now = performance.now();
            pollRtts.push(now - t);
            if (b.eventsApplied >= n) return now - acceptedAt;
            await sleep(POLL_MS);
          }
          throw new Error(`probe ${n} not on the board within 10 s`);
        })();
        const streamed = (async () => {
          const deadline = acceptedAt + 10_000;
          while (performance.now() < deadline) {
            const t = stream.firstAt(n);
            if (t !== undefined) return t - acceptedAt;
            await sleep(1);
          }
          throw new Error(`probe ${n} not on the stream within 10 s`);
        })();
        const [b, s] = await Promise.all([polled, streamed]);
        toBoard.push(b);
        toStream.push(s);
        await sleep(100 + Math.random() * 100);
      }
    } finally {
      await bg?.stop();
      await stream.close();
      await Promise.all([loadPool.close(), probePool.close(), pollPool.close()]);
    }

    const accepted = bg.statuses['202'] ?? 0;
    const boardP99 = percentile(toBoard, 99);
    const streamP99 = percentile(toStream, 99);
    const pushInterval = Number(env.platformEnv.BOARD_PUSH_INTERVAL_MS ?? 250);
    record(
      'freshness',
      {
        backgroundTargetPerSecond: rate,
        backgroundPerSecond: Math.round(bg.sent / bg.seconds),
        backgroundAccepted: accepted,
        backgroundNon202: bg.sent - accepted,
        backgroundSkipped: bg.skipped,
        backgroundP50ms: round(percentile(bg.latenciesMs, 50)),
        backgroundP99ms: round(percentile(bg.latenciesMs, 99)),
        probes: toBoard.length,
        boardP50ms: round(percentile(toBoard, 50)),
        boardP99ms: round(boardP99),
        boardMaxMs: round(Math.max(...toBoard)),
        streamP50ms: round(percentile(toStream, 50)),
        streamP99ms: round(streamP99),
        streamMaxMs: round(Math.max(...toStream)),
        pollEveryMs: POLL_MS,
        pollRoundTripP50ms: round(percentile(pollRtts, 50)),
        boardPushIntervalMs: pushInterval,
      },
      `p99 < 500 ms on the board and the stream (push interval ${pushInterval} ms)`,
      boardP99 < 500 && streamP99 < 500,
    );
    expect(bg.statuses).toEqual({ '202': bg.sent });
    expect(bg.skipped).toBe(0);
    // The background's reports are all on its board too (and no more).
    await waitFor(
      () => board(loadOp.id),
      (x) => x.eventsApplied >= accepted,
      { timeoutMs: 120_000, intervalMs: 200, what: 'the background load on its board' },
    );
    expect((await board(loadOp.id)).eventsApplied).toBe(accepted);
  });
});
