import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '../../libs/testing/src';

/** What global setup started for this run, shared with the test files. */
export interface RunEnv {
  gatewayUrl: string;
  reportingUrl: string;
  projectionsUrl: string;
  taskingUrl: string;
  intelligenceUrl: string;
  safeguardingUrl: string;
  /** Each service's `/metrics` listener, apart from its API port. */
  metricsUrls: Record<ServiceName, string>;
  databaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  topicPrefix: string;
  redisPrefix: string;
  logDir: string;
  platformEnv: Record<string, string>;
  /** Process id of each service now running; tests that restart a service update it. */
  pids: Record<string, number>;
  /** With several instances per service: each instance's own API port, by its name in `pids`. */
  instancePorts?: Record<string, number>;
}

const RUN_DIR = join(__dirname, '..', '.run');
const VARIABLE = 'INTENSIFY_TEST_RUN_ENV';

/** Each run writes its own file, so two runs in one checkout never read each other's. */
export function runEnvFile(runId: string): string {
  return join(RUN_DIR, `env-${runId}.json`);
}

/** Global setup publishes the file's path in the environment its test workers inherit. */
export function publishRunEnv(file: string): void {
  process.env[VARIABLE] = file;
}

export function runEnv(): RunEnv {
  const file = process.env[VARIABLE];
  if (!file)
    throw new Error(`${VARIABLE} is not set: integration tests run under jest's global setup`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Rewrites this run's file, e.g. with the pid of a service a test restarted. */
export function updateRunEnv(change: (env: RunEnv) => void): void {
  const env = runEnv();
  change(env);
  writeFileSync(process.env[VARIABLE]!, JSON.stringify(env, null, 2));
}
