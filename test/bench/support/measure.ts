import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Pool } from 'undici';
import { waitFor } from '@intensify/testing';
import { runEnv } from '../../support/run-env';
import { board } from '../../support/scenario';
import { record } from '../record';

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MB. */
export function rssMb(pid: number): { peak: number; now: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1]);
    return { peak: round(kb('VmHWM') / 1024), now: round(kb('VmRSS') / 1024) };
  } catch {
    return undefined; // the process has gone
  }
}

/**
 * Results shared by the benchmark files of one run (jest does not promise their order): a JSON
 * file beside the run's env file.
 */
type Shared = Record<string, Record<string, number>>;

function sharedFile(): string {
  return `${process.env.INTENSIFY_TEST_RUN_ENV ?? '/tmp/intensify-bench'}.bench.json`;
}

export function sharedResults(): Shared {
  const file = sharedFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Shared) : {};
}

export function shareResult(name: string, figures: Record<string, number>): void {
  const all = sharedResults();
  all[name] = figures;
  writeFileSync(sharedFile(), JSON.stringify(all, null, 2));
}

/**
 * Peak memory of the services of this run, recorded after each load benchmark: VmHWM only
 * grows, so the row written after the last one holds the peak over all of them.
 */
export function recordServiceRss(after: string): void {
  const pids = runEnv().pids ?? {};
  const figures: Record<string, number | string> = { after };
  const peaks: number[] = [];
  for (const [service, pid] of Object.entries(pids)) {
    const m = rssMb(pid);
    if (!m) continue;
    figures[`${service}PeakMb`] = m.peak;
    figures[`${service}NowMb`] = m.now;
    peaks.push(m.peak);
  }
  record(
    'service-rss',
    figures,
    'each service < 300 MB peak RSS',
    peaks.length > 0 && peaks.every((p) => p < 300),
  );
}

/**
 * Once both the HTTP accept rate and Kafka's limits are known in this run, our rates as
 * fractions of each limit. Called at the end of both benchmarks; only the second records.
 */
export function recordRatiosWhenComplete(): void {
  const all = sharedResults();
  const accept = all.accept;
  const limits = all.limits;
  if (!accept || !limits || all.ratios) return;
  const ours: Record<string, number | undefined> = {
    httpAccept: accept.bestPerSecond,
    kafkajsProduce: limits.produceKafkajsPerSecond,
    rebuild: limits.rebuildPerSecond,
  };
  const theirs: Record<string, number | undefined> = {
    ProducerPerf: limits.kafkaProducerPerfPerSecond,
    ConsumerPerf: limits.kafkaConsumerPerfPerSecond,
    BareKafkajs: limits.bareKafkajsConsumerPerSecond,
  };
  const figures: Record<string, number> = {};
  for (const [o, a] of Object.entries(ours)) {
    for (const [t, b] of Object.entries(theirs)) {
      if (a && b) figures[`${o}To${t}`] = round(a / b, 3);
    }
  }
  shareResult('ratios', figures);
  record('limits-ratios', figures, 'context for the targets (no target of its own)', null);
}

/** A keep-alive connection pool to the gateway, one connection per concurrent client. */
export function gatewayPool(connections: number): Pool {
  return new Pool(runEnv().gatewayUrl, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
}

/** CPU time (user + system) a process has used so far, in ms; undefined once it has gone. */
export function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** Pids whose command line contains `needle` (e.g. the Kafka broker's main class). */
export function pidsMatching(needle: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Linux's USER_HZ, 100 on every platform Node supports. */
const CLOCK_TICKS_PER_S = 100;

/** Busy and total CPU time of the whole machine so far (all cores), in ms. */
export function machineCpuMs(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = ticks.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = n[3] + (n[4] ?? 0); // idle + iowait
  return {
    busy: ((total - idle) * 1000) / CLOCK_TICKS_PER_S,
    total: (total * 1000) / CLOCK_TICKS_PER_S,
  };
}

/**
 * CPU used by each service of this run and by the whole machine over a stretch of load, as
 * ms per `units` (e.g. accepted outcomes): on a shared machine, where rates move with other
 * work, the CPU each outcome costs moves far less.
 */
export function cpuMeter(): (units: number) => Record<string, number> {
  const pids = runEnv().pids ?? {};
  const start = Object.fromEntries(Object.entries(pids).map(([s, pid]) => [s, cpuMs(pid)]));
  const machine0 = machineCpuMs();
  // The rest of the path, beside the services: the machine's servers and this load generator.
  const others: Record<string, number[]> = {
    kafkaBroker: pidsMatching('kafka.Kafka'),
    postgres: pidsMatching('postgres'),
    redis: pidsMatching('redis-server'),
    loadGenerator: [process.pid],
  };
  const othersStart = Object.fromEntries(
    Object.entries(others).map(([k, ps]) => [k, ps.map((p) => cpuMs(p) ?? 0)]),
  );
  return (units) => {
    const figures: Record<string, number> = {};
    for (const [name, ps] of Object.entries(others)) {
      if (!ps.length || units === 0) continue;
      const used = ps.reduce(
        (a, p, i) => a + ((cpuMs(p) ?? othersStart[name][i]) - othersStart[name][i]),
        0,
      );
      figures[`${name}CpuMsPerOutcome`] = round(used / units, 2);
    }
    for (const [service, pid] of Object.entries(pids)) {
      const before = start[service];
      const after = cpuMs(pid);
      if (before === undefined || after === undefined || units === 0) continue;
      figures[`${service}CpuMsPerOutcome`] = round((after - before) / units, 2);
    }
    const machine1 = machineCpuMs();
    figures.machineBusyShare = round(
      (machine1.busy - machine0.busy) / (machine1.total - machine0.total),
      2,
    );
    return figures;
  };
}

/** One outcome POSTed with a fresh Idempotency-Key; a failure to answer is `error:<name>`. */
export function post(
  pool: Pool,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: string; text: string }> {
  return pool
    .request({
      path,
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    })
    .then(async (res) => ({ status: String(res.statusCode), text: await res.body.text() }))
    .catch((e: Error) => ({ status: `error:${e.name}`, text: e.message }));
}

/**
 * Exactly the accepted events on the board: waits until it reaches the count, then reads it
 * again a second later (so a count that overshoots shows), with the time it took to get there.
 */
export async function boardSettled(
  operationId: string,
  accepted: number,
): Promise<{ drainMs: number; final: Awaited<ReturnType<typeof board>> }> {
  const t0 = performance.now();
  await waitFor(
    () => board(operationId),
    (b) => b.eventsApplied >= accepted,
    { timeoutMs: 180_000, intervalMs: 100, what: `${accepted} events on the board` },
  );
  const drainMs = performance.now() - t0;
  await sleep(1_000);
  return { drainMs, final: await board(operationId) };
}
