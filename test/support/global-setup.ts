import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { pgClientConfig } from '../../libs/persistence/src/pg-ssl';
import { readDatabaseSsl } from '../../libs/runtime/src/database-ssl-env';
import { generateServiceKeyPair } from '../../libs/auth/src/service-credentials/service-keys';
import {
  freePort,
  METRICS_PORT_VARIABLES,
  PlatformProcesses,
  PORT_VARIABLES,
  ServiceName,
  SERVICES,
  waitFor,
} from '../../libs/testing/src';
import { publishRunEnv, runEnvFile, RunEnv, updateRunEnv } from './run-env';

const ROOT = join(__dirname, '..', '..');

const RAISED_LIMITS = {
  RATE_LIMIT_PER_USER: '10000000',
  RATE_LIMIT_PER_ADDRESS: '10000000',
  RATE_LIMIT_DEV_TOKEN: '10000000',
  RATE_LIMIT_UPLOADS: '10000000',
  STREAM_MAX_PER_USER: '1000',
};

/**
 * Starts the platform once for the integration tests: a fresh database, topics and Redis
 * channel names of this run only, and the built services as real processes against
 * the real Kafka, PostgreSQL and Redis.
 */
export default function globalSetup(): Promise<void> {
  return startTestPlatform({ instances: 1 });
}

/**
 * With `instances` above 1, every service runs that many times, each on its own port, behind a
 * balancer process on the service's port (what the tests and the gateway call), as several
 * replicas behind a Kubernetes Service would; instance n of a service is `<service>-<n>` in
 * `pids` (the first keeps the plain name and the `/metrics` port).
 */
export async function startTestPlatform({
  instances,
  healthTimeoutMs = 120_000,
}: {
  instances: number;
  healthTimeoutMs?: number;
}): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = withDatabase(base, `intensify_test_${runId}`);
  await dropOldTestDatabases(base);
  // Held until the services connect: another run's clean-up drops databases nobody is using.
  const claim = await claimDatabase(base, `intensify_test_${runId}`);

  // Every port at once, so no two of them can be the same.
  const [
    gatewayPort,
    reportingPort,
    projectionsPort,
    taskingPort,
    intelligencePort,
    safeguardingPort,
    ...more
  ] = await Promise.all(
    Array.from({ length: 6 + SERVICES.length * (instances > 1 ? 1 + instances : 1) }, freePort),
  );
  const metricsPorts = Object.fromEntries(SERVICES.map((s, i) => [s, more[i]]));
  const instancePorts = more.slice(SERVICES.length);
  const logDir = join(ROOT, 'test', 'artifacts', 'logs', runId);
  const env: RunEnv = {
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    reportingUrl: `http://127.0.0.1:${reportingPort}`,
    projectionsUrl: `http://127.0.0.1:${projectionsPort}`,
    taskingUrl: `http://127.0.0.1:${taskingPort}`,
    intelligenceUrl: `http://127.0.0.1:${intelligencePort}`,
    safeguardingUrl: `http://127.0.0.1:${safeguardingPort}`,
    metricsUrls: Object.fromEntries(
      SERVICES.map((s) => [s, `http://127.0.0.1:${metricsPorts[s]}`]),
    ) as RunEnv['metricsUrls'],
    databaseUrl,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    topicPrefix: `test-${runId}.`,
    redisPrefix: `intensify-test-${runId}`,
    logDir,
    platformEnv: {},
    pids: {},
  };
  // One key pair per run: the gateway (and the tests) sign internal calls, the services verify.
  const keys = generateServiceKeyPair();
  env.platformEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    AUTH_MODE: 'dev',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    KAFKA_BROKERS: env.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: env.topicPrefix,
    REDIS_PREFIX: env.redisPrefix,
    PORT: String(gatewayPort),
    REPORTING_PORT: String(reportingPort),
    PROJECTIONS_PORT: String(projectionsPort),
    REPORTING_URL: env.reportingUrl,
    PROJECTIONS_URL: env.projectionsUrl,
    TASKING_PORT: String(taskingPort),
    TASKING_URL: env.taskingUrl,
    // A tasking "minute" of 200 ms: acknowledgement windows pass in about a second.
    TASKING_MINUTE_MS: '200',
    INTELLIGENCE_PORT: String(intelligencePort),
    INTELLIGENCE_URL: env.intelligenceUrl,
    // A DDTRO "day" of 200 ms: the providers' 5 working days pass in about 1.4 seconds.
    INTELLIGENCE_DAY_MS: '200',
    SAFEGUARDING_PORT: String(safeguardingPort),
    SAFEGUARDING_URL: env.safeguardingUrl,
    // A hand-off "hour" of 250 ms: a child's 24 hours pass in 6 seconds, an adult's 72 in 18.
    HANDOFF_HOUR_MS: '250',
    // Closed hand-offs keep their subject for the run; the retention test restarts the service
    // with a period of seconds.
    HANDOFF_RETENTION_DAYS: '365',
    BOARD_PUSH_INTERVAL_MS: '100',
    // Short enough for a test to see health fail while Kafka is down.
    OUTBOX_STALL_MS: '3000',
    SERVICE_SIGNING_KEY: keys.signingKey,
    SERVICE_VERIFY_KEY: keys.verifyKey,
    ...Object.fromEntries(
      SERVICES.map((s) => [METRICS_PORT_VARIABLES[s], String(metricsPorts[s])]),
    ),
    // The suite sends bursts on purpose (racing copies, scope matrices, benchmarks), all from
    // one address: limits far above them. test/security/limits runs gateways with real ones.
    ...RAISED_LIMITS,
  };
  const file = runEnvFile(runId);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(env, null, 2));
  publishRunEnv(file);

  if (process.env.SKIP_BUILD !== '1')
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const platform = new PlatformProcesses(ROOT, env.platformEnv, logDir);
  (globalThis as { __platform?: PlatformProcesses }).__platform = platform;
  // Balancers first, so that nothing the services open meanwhile can take their ports.
  if (instances > 1)
    SERVICES.forEach((service, i) =>
      startBalancer(env, service, instancePorts.slice(i * instances, (i + 1) * instances)),
    );
  for (const service of [
    'reporting',
    'projections',
    'tasking',
    'intelligence',
    'safeguarding',
    'gateway',
  ] as const) {
    if (instances === 1) env.pids[service] = platform.start(service).pid!;
    else startInstances(env, service, instancePorts.slice(0, instances));
    instancePorts.splice(0, instances);
  }
  writeFileSync(file, JSON.stringify(env, null, 2));
  try {
    await waitFor(
      async () => (await fetch(`${env.gatewayUrl}/api/v1/health`)).status,
      (status) => status === 200,
      { timeoutMs: healthTimeoutMs, intervalMs: 250, what: `platform health (logs in ${logDir})` },
    );
  } catch (e) {
    // Jest runs no teardown when set-up fails: stop what was started before giving up.
    await platform.stopAll();
    // Further instances and balancers are not `platform`'s children.
    for (const pid of Object.values(env.pids)) stopQuietly(pid);
    throw e;
  } finally {
    await claim.end();
  }
}

/** A balancer process on the service's port over its instances' `ports`, logging to the run's folder. */
function startBalancer(env: RunEnv, service: ServiceName, ports: number[]): void {
  const log = openSync(join(env.logDir, `balancer-${service}.log`), 'a');
  const balancer = spawn(
    process.execPath,
    [
      join(ROOT, 'infra', 'local', 'balancer.mjs'),
      env.platformEnv[PORT_VARIABLES[service]],
      ...ports.map((p) => `127.0.0.1:${p}`),
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  env.pids[`balancer-${service}`] = balancer.pid!;
}

/** Instances of a service on `ports` of their own; the first keeps the service's `/metrics` port. */
function startInstances(env: RunEnv, service: ServiceName, ports: number[]): void {
  ports.forEach((port, i) => {
    const name = i === 0 ? service : `${service}-${i + 1}`;
    const own = { [PORT_VARIABLES[service]]: String(port) };
    const metrics = i === 0 ? {} : { [METRICS_PORT_VARIABLES[service]]: '0' };
    env.instancePorts = { ...env.instancePorts, [name]: port };
    const processes = new PlatformProcesses(
      ROOT,
      { ...env.platformEnv, ...own, ...metrics },
      env.logDir,
    );
    env.pids[name] = supervised(processes, service, name, (pid) => {
      env.pids[name] = pid;
      updateRunEnv((e) => (e.pids[name] = pid));
    });
  });
}

/**
 * Starts an instance and, as an orchestrator would, starts it again when it exits with an error
 * of its own (a start-up that gave up on a busy cluster), not when a test killed it.
 */
function supervised(
  processes: PlatformProcesses,
  service: ServiceName,
  name: string,
  restarted: (pid: number) => void,
): number {
  const child = processes.start(service, name);
  child.once('exit', (code) => {
    if (!code) return;
    console.warn(`${name} exited with ${code}; starting it again`);
    restarted(supervised(processes, service, name, restarted));
  });
  return child.pid!;
}

function stopQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** Creates this run's database and stays connected to it, so that no clean-up drops it. */
async function claimDatabase(url: string, db: string): Promise<Client> {
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${db}"`);
  } finally {
    await admin.end();
  }
  const claim = new Client({ connectionString: withDatabase(url, db) });
  await claim.connect();
  return claim;
}

/**
 * Test databases of finished runs are dropped so a developer's disk does not fill up. One still
 * in use (another run in this checkout or beside it) has connections, or is recent, and is left alone.
 */
async function dropOldTestDatabases(url: string): Promise<void> {
  const client = new Client(pgClientConfig(withDatabase(url, 'postgres'), readDatabaseSsl()));
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT datname FROM pg_database d WHERE datname LIKE 'intensify_test_%'
       AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of rows) {
      // Another run beside this one may have made its database and not connected yet: only
      // databases whose run began (the name starts with its start time) hours ago are dropped.
      const startedAt = parseInt(String(datname).slice('intensify_test_'.length, 23), 36);
      if (!(Date.now() - startedAt > 2 * 3_600_000)) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
