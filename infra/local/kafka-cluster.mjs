// A local Kafka cluster of several KRaft nodes (each broker + controller), from the same cached
// jars as the single broker. Node i (1-based) listens on base + 2(i-1) for clients and on the
// next port for the controller quorum: 9092/9093, 9094/9095, 9096/9097 by default. Its state
// (ports, cluster id, one folder per node) lives in one folder, so `stop kafka-2` and
// `start kafka-2` need nothing but that folder. See infra/README.md, "A local cluster".

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
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
} from './stack.mjs';

const NODE_READY_MS = 120_000;
const NODE_STOP_MS = 30_000;
const NODE_NAME = /^kafka-(\d+)$/;

/** Where the cluster's state lives and on which ports it listens, from flags or environment. */
export function clusterSettings(flags = {}) {
  const dir = path.resolve(
    flags.dataDir ?? process.env.KAFKA_CLUSTER_DIR ?? path.join(LOCAL, 'kafka-cluster'),
  );
  const saved = readState(dir);
  const basePort = Number(
    flags.basePort ?? process.env.KAFKA_CLUSTER_BASE_PORT ?? saved?.basePort ?? 9092,
  );
  const brokers = Number(flags.brokers ?? saved?.brokers ?? 3);
  if (!Number.isInteger(basePort) || basePort < 1024 || basePort + 2 * brokers > 65535)
    fail(`--base-port must be a TCP port above 1023, not "${flags.basePort ?? basePort}"`);
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 9)
    fail(`--brokers must be a whole number from 1 to 9, not "${flags.brokers}"`);
  if (saved && (saved.basePort !== basePort || saved.brokers !== brokers))
    fail(
      `kafka cluster: ${rel(dir)} holds ${saved.brokers} nodes on base port ${saved.basePort}; ` +
        `run down and delete it, or give another --data-dir`,
    );
  const nodes = Array.from({ length: brokers }, (_, i) => node(dir, i + 1, basePort));
  return { dir, basePort, brokers, nodes, kafkaBrokers: nodes.map((n) => n.address).join(',') };
}

function node(dir, id, basePort) {
  const home = path.join(dir, `kafka-${id}`);
  const brokerPort = basePort + 2 * (id - 1);
  return {
    id,
    name: `kafka-${id}`,
    brokerPort,
    controllerPort: brokerPort + 1,
    address: `127.0.0.1:${brokerPort}`,
    home,
    data: path.join(home, 'data'),
    props: path.join(home, 'server.properties'),
    log: path.join(home, 'broker.log'),
    pid: path.join(home, 'broker.pid'),
  };
}

const stateFile = (dir) => path.join(dir, 'cluster.json');

function readState(dir) {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dir), 'utf8'));
  } catch {
    return null;
  }
}

const nodePid = (n) => livePid(n.pid, n.props);

function writeProperties(cluster, n) {
  // Three replicas need three nodes; fewer nodes keep what they can (min ISR stays below RF).
  const replication = Math.min(3, cluster.brokers);
  const values = {
    NODE_ID: n.id,
    VOTERS: cluster.nodes.map((v) => `${v.id}@127.0.0.1:${v.controllerPort}`).join(','),
    BROKER_PORT: n.brokerPort,
    CONTROLLER_PORT: n.controllerPort,
    LOG_DIRS: n.data,
    REPLICATION: replication,
    MIN_ISR: Math.max(1, replication - 1),
  };
  const template = fs.readFileSync(
    path.join(KAFKA_INFRA, 'cluster-node.properties.template'),
    'utf8',
  );
  fs.writeFileSync(
    n.props,
    template.replace(/\$\{(\w+)\}/g, (_, key) =>
      String(values[key] ?? fail(`no value for ${key}`)),
    ),
  );
}

async function clusterId(java, cluster) {
  const saved = readState(cluster.dir);
  if (saved?.clusterId) return saved.clusterId;
  const output = await runChecked(
    'kafka: StorageTool random-uuid',
    java,
    javaArgs('kafka.tools.StorageTool', 'random-uuid'),
  );
  const id = output
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /^[\w-]{22}$/.test(line));
  return id ?? fail('kafka: StorageTool random-uuid printed no cluster id');
}

/** Formats every node's data folder that is not formatted yet, all with the one cluster id. */
async function format(java, cluster, id) {
  await Promise.all(
    cluster.nodes.map(async (n) => {
      fs.mkdirSync(n.data, { recursive: true });
      writeProperties(cluster, n);
      if (fs.existsSync(path.join(n.data, 'meta.properties'))) return;
      await runChecked(
        `kafka: StorageTool format ${n.name}`,
        java,
        javaArgs('kafka.tools.StorageTool', 'format', '-t', id, '-c', n.props),
      );
    }),
  );
}

function spawnNode(java, n) {
  const out = fs.openSync(n.log, 'a');
  fs.writeSync(
    out,
    `\n=== ${new Date().toISOString()} started by infra/local/kafka-cluster.mjs ===\n`,
  );
  const jvm = ['-Xms128m', '-Xmx512m', '-XX:+UseG1GC'];
  const child = spawn(java, [...jvm, ...javaArgs('kafka.Kafka', n.props)], {
    cwd: n.home,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  fs.writeFileSync(n.pid, `${child.pid}\n`);
  child.unref();
  return child.pid;
}

/**
 * True when the node itself answers and the metadata it serves lists it: asking any node would
 * still list one killed a moment ago, until its broker session expires.
 */
async function answersItself(n) {
  if (!(await tcpOpen('127.0.0.1', n.brokerPort))) return false;
  // The metadata request may go to another node, one that just died: ask twice.
  for (let attempt = 0; attempt < 2; attempt++)
    if ((await kafkaBrokerIds([n.address])).includes(n.id)) return true;
  return false;
}

/** Resolves once the cluster's metadata lists every node in `ids` as a registered broker. */
async function untilRegistered(cluster, ids, started) {
  const ok = await waitFor(
    async () => {
      for (const n of cluster.nodes.filter((x) => ids.includes(x.id))) {
        const pid = nodePid(n);
        if (!pid) {
          console.error(`--- last lines of ${rel(n.log)} ---\n${tailFile(n.log)}`);
          fail(`kafka: ${n.name} exited during start-up; see ${rel(n.log)}`);
        }
      }
      return (await Promise.all(ids.map((id) => answersItself(cluster.nodes[id - 1])))).every(
        Boolean,
      );
    },
    NODE_READY_MS,
    500,
  );
  if (!ok) fail(`kafka: ${ids.map((id) => `kafka-${id}`).join(', ')} not registered in time`);
  log(`kafka: ${ids.map((id) => `kafka-${id}`).join(', ')} ready (${since(started)})`);
}

const javaBin = () =>
  which('java') ??
  fail('kafka: java not found; install Java 17 (apt-get install openjdk-17-jre-headless)');

/** Starts every node not running yet and resolves once all are registered brokers. */
export async function clusterUp(flags = {}) {
  const cluster = clusterSettings(flags);
  const java = javaBin();
  await resolveKafkaJars();
  const missing = cluster.nodes.filter((n) => !nodePid(n));
  for (const n of missing) {
    for (const port of [n.brokerPort, n.controllerPort])
      if (await tcpOpen('127.0.0.1', port))
        fail(`kafka: port ${port} for ${n.name} is in use by something this cluster did not start`);
  }
  fs.mkdirSync(cluster.dir, { recursive: true });
  const id = await clusterId(java, cluster);
  await format(java, cluster, id);
  fs.writeFileSync(
    stateFile(cluster.dir),
    `${JSON.stringify({ basePort: cluster.basePort, brokers: cluster.brokers, clusterId: id }, null, 2)}\n`,
  );
  const started = Date.now();
  if (missing.length) log(`kafka: starting ${missing.map((n) => n.name).join(', ')}…`);
  // The nodes elect a controller among themselves, so they start together.
  for (const n of missing) spawnNode(java, n);
  await untilRegistered(
    cluster,
    cluster.nodes.map((n) => n.id),
    started,
  );
  log(`KAFKA_BROKERS=${cluster.kafkaBrokers}`);
  return cluster;
}

function pickNode(cluster, name) {
  if (!readState(cluster.dir))
    fail(`kafka: no cluster in ${rel(cluster.dir)}; run up --brokers 3 first`);
  const id = Number(NODE_NAME.exec(name ?? '')?.[1]);
  return (
    cluster.nodes.find((n) => n.id === id) ??
    fail(`unknown node "${name}"; this cluster has ${cluster.nodes.map((n) => n.name).join(', ')}`)
  );
}

/** Stops one node: SIGTERM (a controlled shutdown) or, with `hard`, SIGKILL (a crash). */
export async function clusterStop(name, { hard = false, ...flags } = {}) {
  const cluster = clusterSettings(flags);
  const n = pickNode(cluster, name);
  const pid = nodePid(n);
  if (!pid) return log(`kafka: ${n.name} is not running`);
  const started = Date.now();
  if (hard) {
    signal(pid, 'SIGKILL');
    await waitFor(() => !isAlive(pid, n.props), 10_000);
  } else {
    await stopPid(pid, n.props, NODE_STOP_MS);
  }
  fs.rmSync(n.pid, { force: true });
  log(`kafka: ${n.name} ${hard ? 'killed' : 'stopped'} (${since(started)})`);
}

/** Starts one stopped node and resolves once it is a registered broker again. */
export async function clusterStart(name, flags = {}) {
  const cluster = clusterSettings(flags);
  const n = pickNode(cluster, name);
  if (nodePid(n)) return log(`kafka: ${n.name} already runs`);
  const started = Date.now();
  writeProperties(cluster, n);
  spawnNode(javaBin(), n);
  await untilRegistered(cluster, [n.id], started);
}

/** Stops every node of the cluster (SIGTERM, all at once: a controlled shutdown). */
export async function clusterDown(flags = {}) {
  const cluster = clusterSettings(flags);
  await Promise.all(
    cluster.nodes.map(async (n) => {
      const pid = nodePid(n);
      if (!pid) return;
      await stopPid(pid, n.props, NODE_STOP_MS);
      fs.rmSync(n.pid, { force: true });
    }),
  );
  log(`kafka: cluster in ${rel(cluster.dir)} stopped`);
}

/** One row per node: name, address, pid (null when stopped) and whether it is a live broker. */
export async function clusterStatus(flags = {}) {
  const cluster = clusterSettings(flags);
  const up = await Promise.all(cluster.nodes.map(answersItself));
  return cluster.nodes.map((n, i) => ({
    name: n.name,
    up: up[i],
    address: n.address,
    pid: nodePid(n),
  }));
}
