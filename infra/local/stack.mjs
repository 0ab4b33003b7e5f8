#!/usr/bin/env node
// Local servers for development and CI, without Docker: a single-node Kafka broker run from
// Maven Central jars, plus PostgreSQL and Redis (the machine's own when they answer, else a
// private server under .local/). See infra/README.md.
//
//   node infra/local/stack.mjs up | down | status | restart <kafka|postgres|redis>
//   node infra/local/stack.mjs up --brokers 3 [--base-port 19092]; stop|start kafka-2 [--hard]
//
// Other scripts can `import { up, down, status, restart } from './stack.mjs'`.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clusterDown,
  clusterStart,
  clusterStatus,
  clusterStop,
  clusterUp,
} from './kafka-cluster.mjs';

const KAFKA_VERSION = '3.9.1'; // keep in step with infra/kafka/pom.xml
const KAFKA_READY_MS = 90_000;
const KAFKA_STOP_MS = 30_000;
const SERVER_READY_MS = 30_000;
const LOCK_WAIT_MS = 300_000;

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const KAFKA_INFRA = path.join(REPO, 'infra', 'kafka');
const LOCAL = path.join(REPO, '.local');
const LOCK = path.join(LOCAL, 'stack.lock');
// Jars live outside the repository so that every checkout and worktree shares them.
const KAFKA_CACHE = path.join(
  process.env.INTENSIFY_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'intensify'),
  `kafka-${KAFKA_VERSION}`,
);

const KAFKA = {
  libs: path.join(KAFKA_CACHE, 'libs'),
  libsMarker: path.join(KAFKA_CACHE, 'libs.pom-sha256'),
  dir: path.join(LOCAL, 'kafka'),
  data: path.join(LOCAL, 'kafka', 'data'),
  props: path.join(LOCAL, 'kafka', 'server.properties'),
  clusterId: path.join(LOCAL, 'kafka', 'cluster-id'),
  log: path.join(LOCAL, 'kafka', 'broker.log'),
  pid: path.join(LOCAL, 'kafka', 'broker.pid'),
  // Holds the SCRAM credential once the data folder's metadata has it.
  scramMarker: path.join(LOCAL, 'kafka', 'scram-user'),
};
/** The SCRAM listener's one user; local only, like the broker. */
const SCRAM_USER = JSON.parse(
  fs.readFileSync(path.join(KAFKA_INFRA, 'local-scram-user.json'), 'utf8'),
);
const PG = {
  dir: path.join(LOCAL, 'postgres'),
  data: path.join(LOCAL, 'postgres', 'data'),
  log: path.join(LOCAL, 'postgres', 'log'),
};
const REDIS = {
  dir: path.join(LOCAL, 'redis'),
  log: path.join(LOCAL, 'redis', 'redis.log'),
  pid: path.join(LOCAL, 'redis', 'redis.pid'),
};

// Private servers bind 127.0.0.1 only, so only these addresses can be started here.
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

// ---------------------------------------------------------------------------------------
// Small helpers

class StackError extends Error {}

function fail(message) {
  throw new StackError(message);
}

const log = (line) => console.log(line);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const since = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;
const rel = (file) => path.relative(REPO, file);

/** Polls `check` until it returns true (→ true) or `ms` pass (→ false). */
async function waitFor(check, ms, everyMs = 250) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

/** Runs a command to completion; stdout and stderr are captured together. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Like run(), but a failure prints the command's output and stops the stack. */
async function runChecked(what, command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    console.error(lastLines(result.output, 30));
    fail(`${what} failed (exit code ${result.code})`);
  }
  return result.output;
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function which(name) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  const dir = dirs.find((d) => isExecutable(path.join(d, name)));
  return dir ? path.join(dir, name) : null;
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

const lastLines = (text, count) => text.trimEnd().split('\n').slice(-count).join('\n');

/** The last lines of a log that may have grown large. */
function tailFile(file, count = 40) {
  try {
    const fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    fs.closeSync(fd);
    return lastLines(buffer.toString('utf8'), count);
  } catch {
    return `(no ${rel(file)})`;
  }
}

/** True when `pid` runs and its command line contains `marker` (a recycled pid does not). */
function isAlive(pid, marker) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return false;
  }
}

function livePid(pidFile, marker) {
  const pid = Number.parseInt(readText(pidFile), 10);
  return pid > 0 && isAlive(pid, marker) ? pid : null;
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** SIGTERM, then SIGKILL after `ms`. Resolves to true when SIGKILL was needed. */
async function stopPid(pid, marker, ms) {
  signal(pid, 'SIGTERM');
  if (await waitFor(() => !isAlive(pid, marker), ms)) return false;
  signal(pid, 'SIGKILL');
  await waitFor(() => !isAlive(pid, marker), 5_000);
  return true;
}

function tcpOpen(host, port, ms = 1_000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function envPort(name, fallback) {
  const port = Number(process.env[name] || fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(`${name} must be a TCP port, not "${process.env[name]}"`);
  }
  return port;
}

/** host/port of a URL from the environment; `[::1]` loses its brackets. */
function envUrl(name, fallback, defaultPort) {
  const value = process.env[name] || fallback;
  let url;
  try {
    url = new URL(value);
  } catch {
    fail(`${name} is not a valid URL: "${value}"`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const port = Number(url.port || defaultPort);
  return { url: value, host, port, address: `${host}:${port}`, local: LOCAL_HOSTS.has(host) };
}

/**
 * Runs `action` while holding .local/stack.lock, so that concurrent runs (parallel test
 * runners calling up()) never start a second broker over the first one's pid file.
 */
async function withLock(action) {
  fs.mkdirSync(LOCAL, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readText(LOCK), 10);
      if (!isAlive(holder, '')) {
        fs.rmSync(LOCK, { force: true }); // left behind by a run that was killed
      } else if (Date.now() > deadline) {
        fail(`another stack.mjs (pid ${holder}) still holds ${rel(LOCK)}`);
      } else {
        await sleep(200);
      }
    }
  }
  try {
    return await action();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** Called once nothing answers at `target`: a server can be started only here, on a free port. */
async function assertCanStart(name, target, what) {
  if (!target.local) {
    fail(
      `${name}: nothing answers at ${target.address}; the stack only starts servers on 127.0.0.1`,
    );
  }
  if (await tcpOpen(target.host, target.port)) {
    fail(`${name}: port ${target.port} is in use by something that does not answer as ${what}`);
  }
}

async function untilAnswers(name, answers, address, started, logFile) {
  if (!(await waitFor(answers, SERVER_READY_MS))) {
    console.error(tailFile(logFile, 20));
    fail(`${name}: did not answer on ${address} within ${SERVER_READY_MS / 1000} s`);
  }
  log(`${name}: ready on ${address} (${since(started)})`);
}

function statusLine({ name, up, address, pid }) {
  const owner = pid
    ? `managed by stack.mjs (pid ${pid})`
    : `not managed${up ? ' (started elsewhere)' : ''}`;
  return `${name.padEnd(9)} ${(up ? 'up' : 'down').padEnd(5)} ${address.padEnd(16)} ${owner}`;
}

// ---------------------------------------------------------------------------------------
// Kafka: one KRaft node (broker + controller) in a detached JVM.

function kafkaTarget() {
  const port = envPort('KAFKA_PORT', 9092);
  const brokers = (process.env.KAFKA_BROKERS || `127.0.0.1:${port}`)
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  const [, host, firstPort] =
    /^(.+):(\d+)$/.exec(brokers[0] ?? '') ??
    fail(`KAFKA_BROKERS must list host:port pairs, not "${brokers[0]}"`);
  return {
    brokers,
    address: brokers.join(','),
    host,
    port: Number(firstPort),
    controllerPort: envPort('KAFKA_CONTROLLER_PORT', 9093),
    saslPort: envPort('KAFKA_SASL_PORT', 9098),
    local: brokers.length === 1 && LOCAL_HOSTS.has(host),
  };
}

const ourBrokerPid = () => livePid(KAFKA.pid, KAFKA.props);

/** The client port our running broker was started with (from its generated properties). */
const ourBrokerPort = () =>
  Number(/^listeners=PLAINTEXT:\/\/[^:]+:(\d+)/m.exec(readText(KAFKA.props))?.[1]);

/** The node ids of the brokers the cluster's metadata lists; empty when none answers. */
async function kafkaBrokerIds(brokers, ms = 2_000) {
  const { Kafka, logLevel } = (await import('kafkajs')).default;
  const admin = new Kafka({
    clientId: 'intensify-stack',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: ms,
    requestTimeout: ms,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.map((b) => b.nodeId);
  } catch {
    return [];
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** True when the brokers answer a metadata request. */
const kafkaAnswers = async (brokers, ms) => (await kafkaBrokerIds(brokers, ms)).length > 0;

const sha256 = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Copies the broker's jars into the cache once; the marker records which POM they match. */
async function resolveKafkaJars() {
  const pom = path.join(KAFKA_INFRA, 'pom.xml');
  const pomHash = sha256(pom);
  if (readText(KAFKA.libsMarker) === pomHash) return;

  const mvn = which('mvn') ?? fail('kafka: mvn not found; install Maven (apt-get install maven)');
  const started = Date.now();
  log('kafka: resolving jars with mvn (first run only)…');
  const goal = ['dependency:copy-dependencies', `-DoutputDirectory=${KAFKA.libs}`];
  const args = ['-B', '-q', '-f', pom, ...goal];
  // A changed POM must not leave old jars on the classpath.
  fs.rmSync(KAFKA.libs, { recursive: true, force: true });
  // Offline first: when ~/.m2 already holds everything this needs no network.
  const offline = await run(mvn, ['-o', ...args]);
  if (offline.code !== 0) {
    fs.rmSync(KAFKA.libs, { recursive: true, force: true });
    await runChecked('kafka: mvn dependency:copy-dependencies', mvn, args);
  }
  fs.writeFileSync(KAFKA.libsMarker, `${pomHash}\n`);
  log(`kafka: jars in ${KAFKA.libs} (${since(started)})`);
}

function javaArgs(mainClass, ...args) {
  const log4j = path.join(KAFKA_INFRA, 'log4j.properties');
  const classpath = path.join(KAFKA.libs, '*'); // java expands the *, not a shell
  return ['-cp', classpath, `-Dlog4j.configuration=file:${log4j}`, mainClass, ...args];
}

function writeServerProperties(target) {
  const values = {
    KAFKA_PORT: target.port,
    KAFKA_CONTROLLER_PORT: target.controllerPort,
    KAFKA_SASL_PORT: target.saslPort,
    KAFKA_LOG_DIRS: KAFKA.data,
  };
  const template = fs.readFileSync(path.join(KAFKA_INFRA, 'server.properties.template'), 'utf8');
  const text = template.replace(/\$\{(\w+)\}/g, (_, key) =>
    String(
      values[key] ?? fail(`kafka: unknown placeholder \${${key}} in server.properties.template`),
    ),
  );
  fs.writeFileSync(KAFKA.props, text);
}

/** Formats the data folder once; the cluster id is kept so a wiped folder rejoins the same id. */
async function formatKafkaStorage(java) {
  if (fs.existsSync(path.join(KAFKA.data, 'meta.properties'))) return;
  let clusterId = readText(KAFKA.clusterId);
  if (!clusterId) {
    const output = await runChecked(
      'kafka: StorageTool random-uuid',
      java,
      javaArgs('kafka.tools.StorageTool', 'random-uuid'),
    );
    clusterId = output
      .split('\n')
      .find((line) => /^[\w-]{22}$/.test(line.trim()))
      ?.trim();
    if (!clusterId) fail('kafka: StorageTool random-uuid printed no cluster id');
    fs.writeFileSync(KAFKA.clusterId, `${clusterId}\n`);
  }
  log(`kafka: formatting ${rel(KAFKA.data)} (cluster id ${clusterId})`);
  const format = ['format', '-t', clusterId, '-c', KAFKA.props, '--add-scram', scramCredential()];
  await runChecked(
    'kafka: StorageTool format',
    java,
    javaArgs('kafka.tools.StorageTool', ...format),
  );
  fs.writeFileSync(KAFKA.scramMarker, `${scramCredential()}\n`);
}

const scramCredential = (withName = true) =>
  `${SCRAM_USER.mechanism}=[${withName ? `name=${SCRAM_USER.username},` : ''}password=${SCRAM_USER.password}]`;

/**
 * Storage formatted before the SCRAM listener existed has no user: add it through the running
 * broker, once (a JVM start costs seconds, and fault tests restart the broker often).
 */
async function ensureScramUser(java, target) {
  if (readText(KAFKA.scramMarker) === scramCredential()) return;
  log(`kafka: adding the SCRAM user ${SCRAM_USER.username}…`);
  const alter = [
    ['--bootstrap-server', `127.0.0.1:${target.port}`],
    ['--alter', '--entity-type', 'users', '--entity-name', SCRAM_USER.username],
    ['--add-config', scramCredential(false)],
  ];
  await runChecked(
    'kafka: ConfigCommand --add-config SCRAM',
    java,
    javaArgs('kafka.admin.ConfigCommand', ...alter.flat()),
  );
  fs.writeFileSync(KAFKA.scramMarker, `${scramCredential()}\n`);
}

function brokerFailed(reason) {
  console.error(`--- last lines of ${rel(KAFKA.log)} ---\n${tailFile(KAFKA.log)}`);
  fail(`kafka: ${reason}; see ${rel(KAFKA.log)}`);
}

async function waitForBroker(target, pid, started) {
  const deadline = Date.now() + KAFKA_READY_MS;
  while (Date.now() < deadline) {
    if (!isAlive(pid, KAFKA.props)) brokerFailed('the broker exited during start-up');
    if (await kafkaAnswers(target.brokers)) {
      return log(`kafka: ready on ${target.address} (${since(started)})`);
    }
    await sleep(500);
  }
  brokerFailed(`the broker (pid ${pid}) did not answer within ${KAFKA_READY_MS / 1000} s`);
}

async function startBroker(target) {
  await assertCanStart('kafka', target, 'a Kafka broker');
  const java =
    which('java') ??
    fail('kafka: java not found; install Java 17 (apt-get install openjdk-17-jre-headless)');
  await resolveKafkaJars();
  fs.mkdirSync(KAFKA.data, { recursive: true });
  writeServerProperties(target);
  await formatKafkaStorage(java);

  const started = Date.now();
  log(`kafka: starting broker on ${target.address}…`);
  const out = fs.openSync(KAFKA.log, 'a');
  fs.writeSync(out, `\n=== ${new Date().toISOString()} started by infra/local/stack.mjs ===\n`);
  const jvm = ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC'];
  const broker = spawn(java, [...jvm, ...javaArgs('kafka.Kafka', KAFKA.props)], {
    cwd: KAFKA.dir,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  fs.writeFileSync(KAFKA.pid, `${broker.pid}\n`);
  broker.unref();
  await waitForBroker(target, broker.pid, started);
  await ensureScramUser(java, target);
}

async function stopBroker(pid) {
  const started = Date.now();
  log(`kafka: stopping broker (pid ${pid})…`);
  const killed = await stopPid(pid, KAFKA.props, KAFKA_STOP_MS);
  fs.rmSync(KAFKA.pid, { force: true });
  log(
    killed
      ? `kafka: broker ignored SIGTERM for ${KAFKA_STOP_MS / 1000} s; killed`
      : `kafka: stopped (${since(started)})`,
  );
}

async function kafkaUp() {
  const target = kafkaTarget();
  const pid = ourBrokerPid();
  if (pid && ourBrokerPort() !== target.port) {
    fail(`kafka: this checkout's broker (pid ${pid}) uses port ${ourBrokerPort()}; run down first`);
  }
  if (pid) {
    if (await kafkaAnswers(target.brokers)) {
      return log(`kafka: already runs on ${target.address} (pid ${pid})`);
    }
    return waitForBroker(target, pid, Date.now()); // still starting
  }
  if (await kafkaAnswers(target.brokers)) {
    return log(`kafka: already runs on ${target.address} (not started by this script)`);
  }
  await startBroker(target);
}

async function kafkaDown() {
  const target = kafkaTarget();
  const pid = ourBrokerPid();
  if (pid) return stopBroker(pid);
  fs.rmSync(KAFKA.pid, { force: true });
  const up = await kafkaAnswers(target.brokers);
  log(
    up
      ? `kafka: left alone on ${target.address} (not started by this script)`
      : 'kafka: not running',
  );
}

async function kafkaRestart() {
  const target = kafkaTarget();
  const pid = ourBrokerPid();
  if (pid) await stopBroker(pid);
  else if (await kafkaAnswers(target.brokers)) return restartOtherBroker(target);
  await startBroker(target);
}

/** The pid of the process listening on a local TCP port, from `ss` (iproute2). */
function listeningPid(port) {
  const out = spawnSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' }).stdout ?? '';
  const pid = Number(out.match(/pid=(\d+)/)?.[1]);
  return pid > 0 ? pid : null;
}

/**
 * A broker another checkout (or a CI run's predecessor) started: restarted with its own command
 * line, working folder and data, so fault tests behave the same whoever started it.
 */
async function restartOtherBroker(target) {
  const pid =
    listeningPid(target.port) ??
    fail(`kafka: cannot tell which process listens on ${target.address}`);
  const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  if (!argv.includes('kafka.Kafka'))
    fail(`kafka: pid ${pid} on ${target.address} is not a Kafka broker`);
  const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
  const home = path.dirname(argv[argv.length - 1]);
  const started = Date.now();
  log(`kafka: restarting the broker of ${home} (pid ${pid})…`);
  await stopPid(pid, 'kafka.Kafka', KAFKA_STOP_MS);
  const out = fs.openSync(path.join(home, 'broker.log'), 'a');
  fs.writeSync(
    out,
    `\n=== ${new Date().toISOString()} restarted by ${rel(fileURLToPath(import.meta.url))} ===\n`,
  );
  const broker = spawn(argv[0], argv.slice(1), {
    cwd,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  fs.writeFileSync(path.join(home, 'broker.pid'), `${broker.pid}\n`);
  broker.unref();
  const deadline = Date.now() + KAFKA_READY_MS;
  while (!(await kafkaAnswers(target.brokers))) {
    if (Date.now() > deadline)
      fail(`kafka: the restarted broker (pid ${broker.pid}) did not answer`);
    await sleep(500);
  }
  log(`kafka: ready on ${target.address} (${since(started)})`);
}

async function kafkaStatus() {
  const target = kafkaTarget();
  return {
    name: 'kafka',
    up: await kafkaAnswers(target.brokers),
    address: target.address,
    pid: ourBrokerPid(),
  };
}

// ---------------------------------------------------------------------------------------
// PostgreSQL: the machine's server when it answers, else a private cluster in .local/postgres.

const pgTarget = () => envUrl('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres', 5432);
const ourPostgresPid = () => livePid(path.join(PG.data, 'postmaster.pid'), PG.data);

async function pgAnswers({ host, port }) {
  const pgIsReady = which('pg_isready');
  if (!pgIsReady) return tcpOpen(host, port);
  return (await run(pgIsReady, ['-q', '-h', host, '-p', String(port), '-t', '3'])).code === 0;
}

/** initdb and pg_ctl from PATH, else from Debian's versioned folders (newest first). */
function findPgBin() {
  const versioned = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const dirs = [
    ...(process.env.PATH || '').split(path.delimiter),
    ...versioned,
    '/usr/local/bin',
    '/usr/local/pgsql/bin',
  ];
  const dir = dirs.find(
    (d) => d && isExecutable(path.join(d, 'initdb')) && isExecutable(path.join(d, 'pg_ctl')),
  );
  return dir ? { initdb: path.join(dir, 'initdb'), pgCtl: path.join(dir, 'pg_ctl') } : null;
}

/** uid/gid of a system user, from /etc/passwd. */
function systemUser(name) {
  const line = readText('/etc/passwd')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

const isRoot = () => process.getuid?.() === 0;

/** initdb, pg_ctl and postgres refuse to run as root, so root runs them as postgres. */
function asDbOwner(command, args) {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Runs initdb or pg_ctl from the machine's PostgreSQL binaries as the database owner. */
async function pgRun(tool, args) {
  const bin =
    findPgBin() ??
    fail('postgres: no initdb/pg_ctl found; install PostgreSQL (apt-get install postgresql)');
  const [command, commandArgs] = asDbOwner(tool === 'initdb' ? bin.initdb : bin.pgCtl, args);
  await runChecked(`postgres: ${tool} ${args.at(-1)}`, command, commandArgs, { cwd: PG.dir });
}

function preparePgDir() {
  fs.mkdirSync(PG.dir, { recursive: true });
  if (!isRoot()) return;
  const owner =
    systemUser('postgres') ??
    fail(
      'postgres: running as root needs a "postgres" user to run the server (apt-get install postgresql creates it)',
    );
  fs.chownSync(PG.dir, owner.uid, owner.gid);
}

async function startPostgres(target) {
  await assertCanStart('postgres', target, 'PostgreSQL');
  preparePgDir();
  if (!fs.existsSync(path.join(PG.data, 'PG_VERSION'))) {
    log(`postgres: creating a private cluster in ${rel(PG.data)}…`);
    const args = [['-U', 'postgres'], ['--auth=trust'], ['-E', 'UTF8'], ['--locale=C']];
    await pgRun('initdb', [...args.flat(), '-D', PG.data]);
  }
  const started = Date.now();
  log(`postgres: starting a private server on ${target.address}…`);
  const options = `-p ${target.port} -k /tmp -c listen_addresses=127.0.0.1`;
  await pgRun('pg_ctl', ['-D', PG.data, '-o', options, '-l', PG.log, '-w', '-t', '60', 'start']);
  await untilAnswers('postgres', () => pgAnswers(target), target.address, started, PG.log);
}

async function stopPrivatePostgres() {
  const started = Date.now();
  log('postgres: stopping the private server…');
  await pgRun('pg_ctl', ['-D', PG.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  log(`postgres: stopped (${since(started)})`);
}

/** The Debian cluster (pg_lsclusters) that listens on `port`, if any. */
async function machinePgCluster(port) {
  if (!which('pg_lsclusters')) return null;
  const { code, output } = await run('pg_lsclusters', ['--no-header']);
  if (code !== 0) return null;
  const row = output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((columns) => columns[2] === String(port));
  return row ? { version: row[0], name: row[1], logFile: row[6] } : null;
}

async function restartMachinePostgres(target) {
  const cluster =
    (await machinePgCluster(target.port)) ??
    fail(
      `postgres: the server on ${target.address} was not started by this script and is no pg_ctlcluster cluster`,
    );
  const started = Date.now();
  log(`postgres: restarting the machine's cluster ${cluster.version}/${cluster.name}…`);
  const args = ['--skip-systemctl-redirect', cluster.version, cluster.name, 'restart'];
  await runChecked('postgres: pg_ctlcluster restart', 'pg_ctlcluster', args);
  await untilAnswers('postgres', () => pgAnswers(target), target.address, started, cluster.logFile);
}

async function postgresUp() {
  const target = pgTarget();
  const pid = ourPostgresPid();
  if (await pgAnswers(target)) {
    const owner = pid ? `pid ${pid}` : 'not started by this script';
    return log(`postgres: already runs on ${target.address} (${owner})`);
  }
  await startPostgres(target);
}

async function postgresDown() {
  const target = pgTarget();
  if (ourPostgresPid()) return stopPrivatePostgres();
  const up = await pgAnswers(target);
  log(
    up
      ? `postgres: left alone on ${target.address} (not started by this script)`
      : 'postgres: not running',
  );
}

async function postgresRestart() {
  const target = pgTarget();
  if (ourPostgresPid()) {
    await stopPrivatePostgres();
    return startPostgres(target);
  }
  if (await pgAnswers(target)) return restartMachinePostgres(target);
  await startPostgres(target);
}

async function postgresStatus() {
  const target = pgTarget();
  return {
    name: 'postgres',
    up: await pgAnswers(target),
    address: target.address,
    pid: ourPostgresPid(),
  };
}

// ---------------------------------------------------------------------------------------
// Redis: the machine's server when it answers PING, else a private one in .local/redis.

const redisTarget = () => envUrl('REDIS_URL', 'redis://127.0.0.1:6379', 6379);
const ourRedisPid = () => livePid(REDIS.pid, 'redis-server');

/** Raw RESP PING; a server that wants a password (-NOAUTH) answers too. */
function redisAnswers({ host, port }, ms = 2_000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let reply = '';
    const done = (answered) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(ms, () => done(false));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk;
      if (reply.includes('\r\n')) done(/^(\+PONG|-NOAUTH)/.test(reply));
    });
  });
}

const redisServer = () =>
  which('redis-server') ??
  fail('redis: redis-server not found; install it (apt-get install redis-server)');

async function startRedis(target) {
  await assertCanStart('redis', target, 'Redis');
  const server = redisServer();
  fs.mkdirSync(REDIS.dir, { recursive: true });
  const started = Date.now();
  log(`redis: starting a private server on ${target.address}…`);
  const args = [
    ['--port', String(target.port)],
    ['--bind', '127.0.0.1'],
    ['--daemonize', 'yes'],
    ['--dir', REDIS.dir],
    ['--save', ''],
    ['--appendonly', 'no'],
    ['--logfile', REDIS.log],
    ['--pidfile', REDIS.pid],
  ];
  await runChecked('redis: redis-server', server, args.flat());
  await untilAnswers('redis', () => redisAnswers(target), target.address, started, REDIS.log);
}

async function stopPrivateRedis(pid) {
  log(`redis: stopping the private server (pid ${pid})…`);
  await stopPid(pid, 'redis-server', 10_000);
  fs.rmSync(REDIS.pid, { force: true });
  log('redis: stopped');
}

/** Restarts the machine's own Redis with the command line the CI image starts it with. */
async function restartMachineRedis(target) {
  const cli =
    which('redis-cli') ??
    fail('redis: redis-cli not found; install it (apt-get install redis-tools)');
  const started = Date.now();
  log(`redis: restarting the machine's server on ${target.address}…`);
  await run(cli, ['-h', target.host, '-p', String(target.port), 'shutdown', 'nosave']);
  if (!(await waitFor(async () => !(await tcpOpen(target.host, target.port)), 10_000))) {
    fail(`redis: the server on ${target.address} did not shut down within 10 s`);
  }
  const logFile = '/var/log/redis/ci.log';
  const args = [
    ['--daemonize', 'yes'],
    ['--bind', '127.0.0.1', '-::1'],
    ['--port', String(target.port)],
    ['--save', ''],
    ['--appendonly', 'no'],
    ['--dir', '/var/lib/redis'],
    ['--logfile', logFile],
  ];
  await runChecked('redis: redis-server', redisServer(), args.flat());
  await untilAnswers('redis', () => redisAnswers(target), target.address, started, logFile);
}

async function redisUp() {
  const target = redisTarget();
  const pid = ourRedisPid();
  if (await redisAnswers(target)) {
    return log(
      `redis: already runs on ${target.address} (${pid ? `pid ${pid}` : 'not started by this script'})`,
    );
  }
  await startRedis(target);
}

async function redisDown() {
  const target = redisTarget();
  const pid = ourRedisPid();
  if (pid) return stopPrivateRedis(pid);
  const up = await redisAnswers(target);
  log(
    up
      ? `redis: left alone on ${target.address} (not started by this script)`
      : 'redis: not running',
  );
}

async function redisRestart() {
  const target = redisTarget();
  const pid = ourRedisPid();
  if (pid) {
    await stopPrivateRedis(pid);
    return startRedis(target);
  }
  if (await redisAnswers(target)) return restartMachineRedis(target);
  await startRedis(target);
}

async function redisStatus() {
  const target = redisTarget();
  return {
    name: 'redis',
    up: await redisAnswers(target),
    address: target.address,
    pid: ourRedisPid(),
  };
}

// ---------------------------------------------------------------------------------------
// Public API and command line

const SERVERS = {
  kafka: { up: kafkaUp, down: kafkaDown, restart: kafkaRestart, status: kafkaStatus },
  postgres: {
    up: postgresUp,
    down: postgresDown,
    restart: postgresRestart,
    status: postgresStatus,
  },
  redis: { up: redisUp, down: redisDown, restart: redisRestart, status: redisStatus },
};

/**
 * Starts what is missing and resolves once every server answers; returns the apps' settings.
 * With `brokers` above 1, Kafka is a local cluster of that many nodes (see kafka-cluster.mjs)
 * instead of the single broker; `basePort` and `dataDir` place it.
 */
export async function up(cluster = {}) {
  const multi = Number(cluster.brokers ?? 1) > 1;
  let kafkaBrokers = kafkaTarget().address;
  await withLock(async () => {
    for (const [name, server] of Object.entries(SERVERS)) {
      if (name === 'kafka' && multi) kafkaBrokers = (await clusterUp(cluster)).kafkaBrokers;
      else await server.up();
    }
  });
  return {
    KAFKA_BROKERS: kafkaBrokers,
    DATABASE_URL: pgTarget().url,
    REDIS_URL: redisTarget().url,
  };
}

/** Stops only the servers this script started, a local cluster's nodes included. */
export async function down(cluster = {}) {
  await withLock(async () => {
    if (hasCluster(cluster)) await clusterDown(cluster);
    for (const server of Object.values(SERVERS).reverse()) await server.down();
  });
}

/** Prints one line per server; resolves to [{ name, up, address, pid }] (pid null = not ours). */
export async function status(cluster = {}) {
  const rows = [];
  for (const server of Object.values(SERVERS)) rows.push(await server.status());
  if (hasCluster(cluster)) rows.push(...(await clusterStatus(cluster)));
  rows.forEach((row) => log(statusLine(row)));
  return rows;
}

/** Restarts one server and resolves once it answers again. */
export async function restart(name) {
  const server =
    (Object.hasOwn(SERVERS, name) && SERVERS[name]) ||
    fail(`unknown server "${name}"; expected one of ${Object.keys(SERVERS).join(', ')}`);
  await withLock(server.restart);
}

/** Stops one node of the local cluster (SIGTERM; SIGKILL with `hard`). */
export const stopNode = (name, options = {}) => withLock(() => clusterStop(name, options));

/** Starts one stopped node of the local cluster; resolves once it is a broker again. */
export const startNode = (name, options = {}) => withLock(() => clusterStart(name, options));

const hasCluster = (cluster) =>
  fs.existsSync(path.join(clusterSettingsDir(cluster), 'cluster.json'));
const clusterSettingsDir = (cluster) =>
  path.resolve(
    cluster.dataDir ?? process.env.KAFKA_CLUSTER_DIR ?? path.join(LOCAL, 'kafka-cluster'),
  );

const USAGE = `usage: node infra/local/stack.mjs
  up [--brokers N] [--base-port P] [--data-dir D]   start what is missing (N > 1: a local Kafka cluster)
  down | status [--data-dir D]
  restart <${Object.keys(SERVERS).join('|')}>
  stop kafka-<n> [--hard] [--data-dir D]             stop one node of the local cluster
  start kafka-<n> [--data-dir D]                     start it again`;

const FLAGS = { '--brokers': 'brokers', '--base-port': 'basePort', '--data-dir': 'dataDir' };

/** `--name value` pairs and `--hard` into options; null when something is not understood. */
function parseFlags(args) {
  const options = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--hard') options.hard = true;
    else if (Object.hasOwn(FLAGS, args[i]) && args[i + 1] !== undefined)
      options[FLAGS[args[i]]] = args[++i];
    else return null;
  }
  return options;
}

async function cli([command, ...rest]) {
  const named = ['restart', 'stop', 'start'].includes(command);
  const name = named ? rest.shift() : undefined;
  const options = parseFlags(rest);
  const commands = {
    up: () => up(options),
    down: () => down(options),
    status: () => status(options),
    restart: () => restart(name),
    stop: () => stopNode(name, options),
    start: () => startNode(name, options),
  };
  const valid =
    Object.hasOwn(commands, command ?? '') &&
    options !== null &&
    (command === 'restart' ? Object.hasOwn(SERVERS, name ?? '') && rest.length === 0 : true) &&
    (named ? Boolean(name) : true) &&
    (options?.hard ? command === 'stop' : true);
  if (!valid) {
    console.error(USAGE);
    return 2;
  }
  await commands[command]();
  return 0;
}

/** For kafka-cluster.mjs, which starts its nodes the way this script starts the single broker. */
export {
  fail,
  isAlive,
  javaArgs,
  kafkaBrokerIds,
  livePid,
  log,
  rel,
  resolveKafkaJars,
  runChecked,
  signal,
  since,
  stopPid,
  tailFile,
  tcpOpen,
  waitFor,
  which,
  KAFKA_INFRA,
  LOCAL,
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`stack: ${error instanceof StackError ? error.message : error.stack}`);
      process.exitCode = 1;
    },
  );
}
