// Installs npm dependencies when they are missing or older than the lock file, so that
// `npm test`, `npm start` and `npm run demo` work on a fresh clone. Uses only Node built-ins.
import { execSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
// A worktree that links another checkout's node_modules: `npm ci` here would empty that one.
const linked =
  existsSync(join(root, 'node_modules')) && lstatSync(join(root, 'node_modules')).isSymbolicLink();
if (stale && linked) {
  console.log('deps: node_modules is a link to another checkout; install there if it is stale');
} else if (stale) {
  console.log('deps: installing npm packages (npm ci)…');
  try {
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  } catch {
    // Some npm 11 releases drop other platforms' optional packages from the lock file and then
    // refuse `npm ci`; `npm install` resolves the same locked versions.
    console.log('deps: npm ci refused the lock file; falling back to npm install');
    execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  }
} else {
  console.log('deps: npm packages up to date');
}

// The benchmarks measure accept with wrk as well (test/bench/wrk.bench.ts): `npm run bench` only.
if (process.env.npm_lifecycle_event === 'bench') {
  try {
    execSync('command -v wrk', { stdio: 'ignore' });
  } catch {
    if (process.getuid?.() === 0) {
      console.log("deps: installing Debian's wrk package (first run only)…");
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk', {
        stdio: 'inherit',
      });
    } else {
      console.log(
        'deps: wrk is missing and the wrk benchmark will fail: apt-get install wrk (as root)',
      );
    }
  }
}
