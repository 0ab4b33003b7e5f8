// Runs the whole platform locally: installs what is missing, brings the stack up, builds,
// starts every service as its own process with prefixed logs, and stops them all cleanly.
//   node infra/local/platform.mjs start   the platform, no data
//   node infra/local/platform.mjs demo    the platform plus a demo week, with its board URL
import { execSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mode = process.argv[2] ?? 'start';
const SERVICES = ['reporting', 'projections', 'tasking', 'intelligence', 'gateway'];
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS = { reporting: 36, projections: 35, tasking: 33, intelligence: 34, gateway: 32 };

if (!['start', 'demo'].includes(mode)) {
  console.error(`usage: node infra/local/platform.mjs start|demo (got "${mode}")`);
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
await up();
console.log('build: compiling services…');
execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });

const port = Number(process.env.PORT ?? 3000);
const gatewayUrl = `http://127.0.0.1:${port}`;
const children = SERVICES.map(startService);
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));

await waitForHealth();
console.log(`\nIntensify is running:
  API        ${gatewayUrl}/api/v1
  API docs   ${gatewayUrl}/api/docs
  OpenAPI    ${gatewayUrl}/api/v1/openapi.json
  Health     ${gatewayUrl}/api/v1/health
Press Ctrl+C to stop.\n`);
if (mode === 'demo') await seedDemo();

function startService(name) {
  const child = spawn(process.execPath, [join(root, 'dist/apps', name, 'src/main.js')], {
    cwd: root,
    env: { AUTH_MODE: 'dev', ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `\x1b[${COLOURS[name]}m${name.padEnd(11)}\x1b[0m|`;
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

async function seedDemo() {
  const post = async (path, body, token, headers = {}) => {
    const res = await fetch(`${gatewayUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { token } = await post('/api/v1/auth/dev-token', { sub: 'demo-nclcc', role: 'nclcc' });
  const now = Date.now();
  const week = await post(
    '/api/v1/operations',
    {
      name: `Demo intensification week ${new Date().toISOString().slice(0, 10)}`,
      startsAt: new Date(now - 3 * 86_400_000).toISOString(),
      endsAt: new Date(now + 4 * 86_400_000).toISOString(),
      focusForces: ['E23000001', 'E23000014', 'E23000004', 'E23000005'],
    },
    token,
  );
  const at = (h) => new Date(now - h * 3_600_000).toISOString();
  const outcomes = [
    { type: 'arrest', force: 'E23000001', occurredAt: at(50), count: 12, under18: 3, charged: 7 },
    { type: 'arrest', force: 'E23000014', occurredAt: at(40), count: 8, under18: 2, charged: 5 },
    { type: 'arrest', force: 'BTP', occurredAt: at(30), count: 4, charged: 2 },
    {
      type: 'seizure',
      force: 'E23000004',
      occurredAt: at(20),
      cashPence: 1_250_000,
      phones: 6,
      drugs: [{ drug: 'crack', grams: 85.5, valuePence: 850_000 }],
      weapons: { bladed: 3 },
    },
    {
      type: 'safeguarding',
      force: 'E23000005',
      occurredAt: at(10),
      children: 5,
      adults: 2,
      nrmReferrals: 3,
      cuckooedAddressesVisited: 4,
    },
    {
      type: 'line',
      force: 'E23000001',
      occurredAt: at(5),
      action: 'closed-type1',
      ddtroApplied: 2,
      ddtroGranted: 2,
    },
  ];
  for (const [i, o] of outcomes.entries()) {
    await post(`/api/v1/operations/${week.id}/outcomes`, o, token, {
      'idempotency-key': `demo-${week.id}-${i}`,
    });
  }
  console.log(`Demo week "${week.name}" with ${outcomes.length} outcomes:
  Board (JSON)  ${gatewayUrl}/api/v1/operations/${week.id}/board
  Board stream  ${gatewayUrl}/api/v1/operations/${week.id}/board/stream?access_token=${token}
  Token (nclcc) ${token}\n`);
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
