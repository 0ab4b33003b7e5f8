import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { FORCE_CODES } from '@intensify/reference-data';
import { waitFor } from '@intensify/testing';
import { tokenFor } from '../support/api';
import { runEnv } from '../support/run-env';
import { board, createActiveWeek } from '../support/scenario';
import { record } from './record';
import { closedLoop, percentile, post, round } from './support/load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const FRESHNESS_RATE = 500;

function body(i: number, occurredAt: string) {
  const force = FORCE_CODES[i % FORCE_CODES.length];
  switch (i % 4) {
    case 0:
      return { type: 'arrest', force, occurredAt, count: 2, under18: 1 };
    case 1:
      return {
        type: 'seizure',
        force,
        occurredAt,
        cashPence: 12_550,
        drugs: [{ drug: 'crack', grams: 3.125, valuePence: 40_000 }],
      };
    case 2:
      return { type: 'safeguarding', force, occurredAt, children: 1, adults: 2 };
    default:
      return { type: 'line', force, occurredAt, action: 'disrupted' };
  }
}

function rssMb(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  return { peak: round(kb('VmHWM') / 1024), now: round(kb('VmRSS') / 1024) };
}

describe('accepting outcomes and keeping the board fresh', () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  afterAll(() => agent.destroy());

  it(`accepts outcomes through the HTTP API at concurrency ${CONCURRENCY}`, async () => {
    const op = await createActiveWeek('Accept benchmark week');
    const url = new URL(`${runEnv().gatewayUrl}/api/v1/operations/${op.id}/outcomes`);
    const auth = { authorization: `Bearer ${await tokenFor({ role: 'nclcc' })}` };
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const send = (i: number) =>
      post(agent, url, { ...auth, 'idempotency-key': randomUUID() }, JSON.stringify(body(i, at)));
    await closedLoop(CONCURRENCY, 3, send); // warm-up: connections, JIT, pools
    const warm = (await board(op.id)).eventsApplied;
    const r = await closedLoop(CONCURRENCY, SECONDS, send);
    const accepted = r.statuses[202] ?? 0;
    expect(accepted).toBe(r.latenciesMs.length);
    const final = await waitFor(
      () => board(op.id),
      (b) => b.eventsApplied >= warm + accepted,
      {
        timeoutMs: 300_000,
        intervalMs: 500,
        what: 'every accepted outcome on the board',
      },
    );
    expect(final.eventsApplied).toBeGreaterThanOrEqual(warm + accepted);
    const rate = accepted / r.seconds;
    const p99 = percentile(r.latenciesMs, 99);
    record(
      'http-accept',
      {
        concurrency: CONCURRENCY,
        seconds: round(r.seconds),
        accepted,
        perSecond: Math.round(rate),
        p50ms: round(percentile(r.latenciesMs, 50)),
        p99ms: round(p99),
      },
      '>= 3000/s with p99 < 100 ms',
      rate >= 3000 && p99 < 100,
    );
  });

  it(`keeps the board fresh under a steady ${FRESHNESS_RATE} outcomes/s`, async () => {
    const env = runEnv();
    const load = await createActiveWeek('Steady load week');
    const probe = await createActiveWeek('Probe week');
    const token = await tokenFor({ role: 'nclcc' });
    const auth = { authorization: `Bearer ${token}` };
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const loadUrl = new URL(`${env.gatewayUrl}/api/v1/operations/${load.id}/outcomes`);
    const probeUrl = new URL(`${env.gatewayUrl}/api/v1/operations/${probe.id}/outcomes`);

    // The stream: when did each event count first arrive?
    const streamSeen = new Map<number, number>();
    const ctrl = new AbortController();
    const stream = fetch(
      `${env.gatewayUrl}/api/v1/operations/${probe.id}/board/stream?access_token=${token}`,
      { signal: ctrl.signal },
    )
      .then(async (res) => {
        const decoder = new TextDecoder();
        let buf = '';
        for await (const chunk of res.body as any) {
          buf += decoder.decode(chunk, { stream: true });
          for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
            const data = buf
              .slice(0, end)
              .split('\n')
              .find((l) => l.startsWith('data: '));
            buf = buf.slice(end + 2);
            if (data) {
              const n = JSON.parse(data.slice(6)).eventsApplied as number;
              if (!streamSeen.has(n)) streamSeen.set(n, performance.now());
            }
          }
        }
      })
      .catch(() => undefined);

    let running = true;
    let loadSent = 0;
    const inFlight = new Set<Promise<void>>();
    const loadErrors: number[] = [];
    const background = (async () => {
      const tick = 20;
      const perTick = (FRESHNESS_RATE * tick) / 1000;
      let next = performance.now();
      while (running) {
        for (let k = 0; k < perTick; k++) {
          const i = loadSent++;
          const sending = post(
            agent,
            loadUrl,
            { ...auth, 'idempotency-key': randomUUID() },
            JSON.stringify(body(i, at)),
          )
            .then((r) => void (r.status !== 202 && loadErrors.push(r.status)))
            .catch(() => void loadErrors.push(0))
            .finally(() => inFlight.delete(sending));
          inFlight.add(sending);
        }
        next += tick;
        await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
      }
    })();

    const toBoard: number[] = [];
    const toStream: number[] = [];
    const started = performance.now();
    for (let n = 1; performance.now() - started < SECONDS * 1000; n++) {
      const r = await post(
        agent,
        probeUrl,
        { ...auth, 'idempotency-key': randomUUID() },
        JSON.stringify(body(0, at)),
      );
      expect(r.status).toBe(202);
      const acceptedAt = performance.now();
      await waitFor(
        () => board(probe.id),
        (b) => b.eventsApplied >= n,
        { timeoutMs: 30_000, intervalMs: 5, what: `probe ${n}` },
      );
      toBoard.push(performance.now() - acceptedAt);
      await waitFor(
        async () => streamSeen.get(n),
        (t) => t !== undefined,
        { timeoutMs: 30_000, intervalMs: 5, what: `probe ${n} on the stream` },
      );
      toStream.push(streamSeen.get(n)! - acceptedAt);
      await new Promise((res) => setTimeout(res, 150));
    }
    running = false;
    await background;
    // Every background request is answered before the next benchmark starts.
    await Promise.all(inFlight);
    ctrl.abort();
    await stream;
    const rate = loadSent / ((performance.now() - started) / 1000);
    const boardP99 = percentile(toBoard, 99);
    const streamP99 = percentile(toStream, 99);
    record(
      'freshness',
      {
        backgroundPerSecond: Math.round(rate),
        backgroundNon202: loadErrors.length,
        probes: toBoard.length,
        boardP50ms: round(percentile(toBoard, 50)),
        boardP99ms: round(boardP99),
        streamP50ms: round(percentile(toStream, 50)),
        streamP99ms: round(streamP99),
        pollEveryMs: 5,
        pushIntervalMs: Number(env.platformEnv.BOARD_PUSH_INTERVAL_MS ?? 250),
      },
      'p99 < 500 ms (board and stream)',
      boardP99 < 500 && streamP99 < 500,
    );
    expect(loadErrors).toEqual([]);
  });

  it('reports the peak memory of each service', () => {
    const pids = runEnv().pids;
    const figures: Record<string, number> = {};
    for (const service of ['gateway', 'reporting', 'projections']) {
      const { peak, now } = rssMb(pids[service]);
      figures[`${service}PeakMb`] = peak;
      figures[`${service}NowMb`] = now;
    }
    const peaks = Object.entries(figures)
      .filter(([k]) => k.endsWith('PeakMb'))
      .map(([, v]) => v);
    record(
      'service-rss',
      figures,
      'each service < 300 MB',
      peaks.every((p) => p < 300),
    );
    expect(peaks.every((p) => p > 0)).toBe(true);
  });
});
