import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpuMs } from './measure';

/** The wrk script that reports outcomes (see its header for the parameters). */
export const OUTCOMES_SCRIPT = join(
  __dirname,
  '..',
  '..',
  '..',
  'infra',
  'bench',
  'wrk',
  'outcomes.lua',
);

/** What infra/bench/wrk/outcomes.lua prints when wrk is done. */
export interface WrkResult {
  requests: number;
  sent: number;
  unanswered: number;
  statuses: Record<string, number>;
  non202: number;
  perSecond: number;
  p50ms: number;
  p90ms: number;
  p99ms: number;
  maxMs: number;
  windowMs: number;
  durationMs: number;
  errors: { connect: number; read: number; write: number; timeout: number };
  threads: number;
  /** How many times each line of the bodies file was sent. */
  sentByBody?: number[];
  /** CPU ms wrk itself used per answered request (measured here, not by the script). */
  wrkCpuMsPerRequest?: number;
}

export interface WrkOptions {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  operationId: string;
  token: string;
  /** A file of request bodies, one JSON object a line. */
  bodiesFile: string;
  seconds: number;
  connections?: number;
  threads?: number;
}

/** wrk on the PATH, or a clear message (npm run bench installs it: infra/local/ensure-deps.mjs). */
export function wrkBinary(): string {
  const found = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => join(dir, 'wrk'))
    .find((p) => existsSync(p));
  if (!found)
    throw new Error('wrk not found: `npm run bench` installs it as root, or `apt-get install wrk`');
  return found;
}

/**
 * Runs wrk with the outcomes script for `seconds` of sending; each thread stops once its last
 * answer is in, and wrk is then told to finish (SIGINT) instead of waiting out its -d, which is
 * only the fallback. Resolves with the script's JSON line.
 */
export async function runWrk(o: WrkOptions): Promise<WrkResult> {
  const threads = o.threads ?? 2;
  const child = spawn(
    wrkBinary(),
    [
      `-t${threads}`,
      `-c${o.connections ?? 32}`,
      `-d${Math.ceil(o.seconds) + 60}s`,
      // Latencies above the timeout fall out of wrk's histogram: keep them all.
      '--timeout',
      '60s',
      '-s',
      OUTCOMES_SCRIPT,
      o.url,
    ],
    {
      env: {
        ...process.env,
        OPERATION_ID: o.operationId,
        TOKEN: o.token,
        BODIES: o.bodiesFile,
        SEND_SECONDS: String(o.seconds),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let drained = 0;
  let cpuAtEnd: number | undefined;
  let finishing: NodeJS.Timeout | undefined;
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
    drained = (stderr.match(/^wrk-thread-drained /gm) ?? []).length;
    if (drained >= threads && !finishing) {
      cpuAtEnd = cpuMs(child.pid!);
      // wrk ignores SIGINT until all its threads are started: ask until it goes.
      const finish = () => child.kill('SIGINT');
      finish();
      finishing = setInterval(finish, 1_000);
    }
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (finishing) clearInterval(finishing);
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (code !== 0 || !line)
    throw new Error(`wrk exited with ${code}:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  const result = JSON.parse(line) as WrkResult;
  if (cpuAtEnd !== undefined && result.requests > 0)
    result.wrkCpuMsPerRequest = Math.round((cpuAtEnd / result.requests) * 1000) / 1000;
  return result;
}
