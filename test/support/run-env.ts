import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What global setup started for this run, shared with the test files. */
export interface RunEnv {
  gatewayUrl: string;
  reportingUrl: string;
  projectionsUrl: string;
  databaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  topicPrefix: string;
  redisPrefix: string;
  logDir: string;
  platformEnv: Record<string, string>;
}

export const RUN_ENV_FILE = join(__dirname, '..', '.run', 'env.json');

export function runEnv(): RunEnv {
  return JSON.parse(readFileSync(RUN_ENV_FILE, 'utf8'));
}
