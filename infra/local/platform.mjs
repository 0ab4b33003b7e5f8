// Runs the whole platform locally: installs what is missing, brings the stack up, builds,
// starts every service as its own process with prefixed logs, and stops them all cleanly.
//   node infra/local/platform.mjs start   the platform, no data
//   node infra/local/platform.mjs demo    the platform plus a demo week, with its board URL
// Options: --instances N runs N instances of every service behind a local balancer on each
// service's usual port; --brokers 3 [--base-port P] runs Kafka as a local cluster of 3 nodes.
import { execSync, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv[2] ?? 'start';
const options = parseOptions(process.argv.slice(3));
const SERVICES = ['reporting', 'projections', 'tasking', 'intelligence', 'safeguarding', 'gateway'];
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const PORT_VARIABLES = {
  reporting: 'REPORTING_PORT',
  projections: 'PROJECTIONS_PORT',
  tasking: 'TASKING_PORT',
  intelligence: 'INTELLIGENCE_PORT',
  safeguarding: 'SAFEGUARDING_PORT',
  gateway: 'PORT',
};
const DEFAULT_PORTS = {
  reporting: 3101,
  projections: 3102,
  tasking: 3103,
  intelligence: 3104,
  safeguarding: 3105,
  gateway: 3000,
};
const COLOURS = {
  reporting: 36,
  projections: 35,
  tasking: 33,
  intelligence: 34,
  safeguarding: 31,
  gateway: 32,
};

if (!['start', 'demo'].includes(mode) || !options) {
  console.error(
    `usage: node infra/local/platform.mjs start|demo [--instances N] [--brokers N] [--base-port P]`,
  );
  process.exit(2);
}
if (process.env.NODE_ENV === 'production' && (process.env.AUTH_MODE ?? 'dev') === 'dev') {
  console.error(
    'refusing to start: dev sign-in (AUTH_MODE=dev) is not allowed with NODE_ENV=production',
  );
  process.exit(1);
}

execSync('node infra/local/ensure-deps.mjs', { cwd: root, stdio: 'inherit' });
const { up } = await import('./stack.mjs');
const stack = await up(options);
// A local cluster's addresses come from the stack; a single broker's stay as configured.
const clusterEnv = Number(options.brokers ?? 1) > 1 ? { KAFKA_BROKERS: stack.KAFKA_BROKERS } : {};
console.log('build: compiling services…');
execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });

const port = Number(process.env.PORT ?? 3000);
const demoDurationMs = Number(process.env.DEMO_MINUTES ?? 10) * 60_000;
const demoScale = Number(process.env.DEMO_SCALE ?? 1);
// In the demo a simulated week passes in DEMO_MINUTES, so tasking and hand-off deadlines run as fast.
const demoEnv =
  mode === 'demo'
    ? {
        TASKING_MINUTE_MS: String(Math.max(1, Math.round(demoDurationMs / (7 * 24 * 60)))),
        HANDOFF_HOUR_MS: String(Math.max(1, Math.round(demoDurationMs / (7 * 24)))),
      }
    : {};
const gatewayUrl = `http://127.0.0.1:${port}`;
const credentialEnv = serviceKeys();
const instances = await startInstances(Number(options.instances ?? 1));
const children = instances.children;
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

await waitForHealth();
console.log(`\nIntensify is running:
  API        ${gatewayUrl}/api/v1
  API docs   ${gatewayUrl}/api/docs
  OpenAPI    ${gatewayUrl}/api/v1/openapi.json
  Health     ${gatewayUrl}/api/v1/health
  Metrics    http://127.0.0.1:${process.env.METRICS_PORT ?? port + 1000}/metrics (each service: its port + 1000)
  Reporting  ${gatewayUrl}/report
  Taskings   ${gatewayUrl}/taskings
  Board      ${gatewayUrl}/board
  Lines      ${gatewayUrl}/lines (returns: ${gatewayUrl}/lines/returns)
Press Ctrl+C to stop.\n`);
if (mode === 'demo') await seedDemo();

function parseOptions(args) {
  const names = { '--instances': 'instances', '--brokers': 'brokers', '--base-port': 'basePort' };
  const parsed = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!Object.hasOwn(names, args[i]) || !/^\d+$/.test(args[i + 1] ?? '')) return null;
    parsed[names[args[i]]] = Number(args[i + 1]);
  }
  return parsed;
}

/**
 * One process per service, or with `count` above 1 that many per service, each on the usual
 * port + 100 × its number, behind a balancer on the usual port: the other services and the
 * browser see one address per service, as they would behind a Kubernetes Service. Instances of
 * a service share its consumer groups, outbox and Redis; see README "Running on a cluster".
 */
async function startInstances(count) {
  if (count <= 1) return { children: SERVICES.map((name) => startService(name)), balancers: [] };
  const { startBalancer } = await import('./balancer.mjs');
  const children = [];
  const balancers = [];
  for (const name of SERVICES) {
    const variable = PORT_VARIABLES[name];
    const port = Number(process.env[variable] ?? DEFAULT_PORTS[name]);
    const ports = Array.from({ length: count }, (_, i) => port + 100 * (i + 1));
    for (const [i, instancePort] of ports.entries())
      children.push(startService(name, i + 1, { [variable]: String(instancePort) }));
    balancers.push(await startBalancer({ port, backends: ports.map((p) => `127.0.0.1:${p}`) }));
  }
  return { children, balancers };
}

function startService(name, instance = 0, env = {}) {
  const child = spawn(process.execPath, [join(root, 'dist/apps', name, 'src/main.js')], {
    cwd: root,
    env: { AUTH_MODE: 'dev', ...demoEnv, ...credentialEnv, ...process.env, ...clusterEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = instance ? `${name}-${instance}` : name;
  const prefix = `\x1b[${COLOURS[name]}m${label.padEnd(14)}\x1b[0m|`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) =>
      console.log(`${prefix} ${readable(line)}`),
    );
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix} exited (${signal ?? code}); stopping the platform`);
    stopAll(1);
  });
  return child;
}

/**
 * Internal calls carry credentials signed with an Ed25519 key pair. Unless both halves are set,
 * each run makes its own pair and gives it to every service; the private half is also written
 * to .local/ for `npm run projections:rebuild` against this run.
 */
function serviceKeys() {
  if (process.env.SERVICE_SIGNING_KEY && process.env.SERVICE_VERIFY_KEY) return {};
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(join(root, '.local'), { recursive: true });
  writeFileSync(join(root, '.local', 'service-signing-key.pem'), signingKey, { mode: 0o600 });
  return {
    SERVICE_SIGNING_KEY: signingKey,
    SERVICE_VERIFY_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Pino writes JSON lines; show level and message, keep anything else as it came. */
function readable(line) {
  try {
    const { level, msg, context, err } = JSON.parse(line);
    return `${LEVELS[level] ?? level} ${context ? `[${context}] ` : ''}${msg}${err?.stack ? `\n${err.stack}` : ''}`;
  } catch {
    return line;
  }
}

async function waitForHealth() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${gatewayUrl}/api/v1/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(
    `the platform did not become healthy within 120 s; see ${gatewayUrl}/api/v1/health`,
  );
  stopAll(1);
}

/**
 * A week replayed at speed: the demo library (libs/demo, built into dist) creates the week,
 * tasks its focus forces, and reports outcomes and tasking progress as forces would.
 */
async function seedDemo() {
  const demo = await import(join(root, 'dist/libs/demo/src/index.js'));
  const seed = Number(process.env.DEMO_SEED ?? 2026);
  const client = new demo.DemoClient(gatewayUrl);
  const register = demo.generateRegister(
    new demo.Random(seed),
    Number(process.env.DEMO_LINES ?? 1000),
  );
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 7);
  console.log(
    `demo: loading a register of ${register.length} lines and ` +
      `${register.reduce((n, l) => n + l.numbers.length, 0)} deal numbers as ${month} returns…`,
  );
  const seeded = await demo.seedRegister(client, register, month, (done, of) => {
    if (done === of || done % 10 === 0) console.log(`demo: returns uploaded ${done}/${of}`);
  });
  console.log(
    `demo: register loaded (${seeded.counts.new} new, ${seeded.counts.updated} updated, ` +
      `${seeded.counts.unchanged} unchanged, ${seeded.replayed} returns already taken)`,
  );
  const tty = process.stdout.isTTY;
  let lastLine = 0;
  console.log(
    `demo: replaying a week in ${demoDurationMs / 60_000} minutes (DEMO_MINUTES), ` +
      `volume ${demoScale} of a published week (DEMO_SCALE)`,
  );
  const result = await demo.runDemoWeek({
    gatewayUrl,
    durationMs: demoDurationMs,
    scale: demoScale,
    seed,
    // The NCLCC focuses the week on the top of the explained harm ranking.
    chooseFocus: (c, nclcc, operationId) => demo.focusOnTopRanked(c, nclcc, operationId, 8),
    onProgress: (p) => {
      if (!lastLine)
        console.log(`\nBoard   ${gatewayUrl}/board/${p.operationId}
Report  ${gatewayUrl}/report
Tasking ${gatewayUrl}/taskings
Lines   ${gatewayUrl}/lines
Safeguarding ${gatewayUrl}/safeguarding
Sign in on the pages with a dev role (nclcc, regional, commander).\n`);
      if (!tty && Date.now() - lastLine < 10_000) return;
      lastLine = Date.now();
      const t = p.taskings;
      const h = p.handoffs;
      const line =
        `demo: ${p.simulatedAt.toISOString().slice(0, 16).replace('T', ' ')} ` +
        `${Math.round(p.fractionDone * 100)}% | outcomes ${p.outcomesSent}/${p.outcomesPlanned} | ` +
        `taskings acknowledged ${t.acknowledged ?? 0}, in progress ${t['in-progress'] ?? 0}, ` +
        `completed ${t.completed ?? 0}, declined ${t.declined ?? 0} | ` +
        `hand-offs raised ${h.raised ?? 0}, acknowledged ${h.acknowledged ?? 0}, ` +
        `closed ${h.closed ?? 0} | errors ${p.errors}`;
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else console.log(line);
    },
  });
  console.log(
    `\ndemo: week replayed, ${result.accepted.length} outcomes reported` +
      (result.errors.length
        ? `, ${result.errors.length} errors (first: ${result.errors[0]})`
        : '') +
      `\n  Board ${gatewayUrl}/board/${result.operationId}\nThe platform keeps running; Ctrl+C stops it.`,
  );
}

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('stopping services…');
  let left = children.length;
  for (const child of children) {
    if (child.exitCode !== null) left--;
    else {
      child.once('exit', () => --left === 0 && process.exit(code));
      child.kill('SIGTERM');
    }
  }
  if (left === 0) process.exit(code);
  setTimeout(() => process.exit(code), 15_000).unref();
}
