import { Agent, request } from 'node:http';

export interface LoadResult {
  sent: number;
  statuses: Record<number, number>;
  latenciesMs: number[];
  seconds: number;
}

/** A keep-alive POST of a JSON body; resolves with status and latency. */
export function post(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; ms: number; text: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Closed loop: `concurrency` clients each send their next request when the last is answered. */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  send: (i: number) => Promise<{ status: number; ms: number }>,
): Promise<LoadResult> {
  const result: LoadResult = { sent: 0, statuses: {}, latenciesMs: [], seconds };
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  const client = async () => {
    while (performance.now() < until) {
      const r = await send(result.sent++);
      result.statuses[r.status] = (result.statuses[r.status] ?? 0) + 1;
      result.latenciesMs.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
