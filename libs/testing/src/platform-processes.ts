import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const SERVICES = [
  'reporting',
  'projections',
  'tasking',
  'intelligence',
  'safeguarding',
  'gateway',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The variable holding each service's API port. */
export const PORT_VARIABLES: Record<ServiceName, string> = {
  reporting: 'REPORTING_PORT',
  projections: 'PROJECTIONS_PORT',
  tasking: 'TASKING_PORT',
  intelligence: 'INTELLIGENCE_PORT',
  safeguarding: 'SAFEGUARDING_PORT',
  gateway: 'PORT',
};

/** The variable holding each service's `/metrics` port, as its API port has its own name. */
export const METRICS_PORT_VARIABLES: Record<ServiceName, string> = {
  reporting: 'REPORTING_METRICS_PORT',
  projections: 'PROJECTIONS_METRICS_PORT',
  tasking: 'TASKING_METRICS_PORT',
  intelligence: 'INTELLIGENCE_METRICS_PORT',
  safeguarding: 'SAFEGUARDING_METRICS_PORT',
  gateway: 'METRICS_PORT',
};

export interface PlatformEnv {
  [name: string]: string;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs the built services as separate Node processes, as production does, with their logs in
 * files. Tests can kill (-9) and restart any of them.
 */
export class PlatformProcesses {
  private readonly children = new Map<ServiceName, ChildProcess>();

  constructor(
    private readonly root: string,
    private readonly env: PlatformEnv,
    private readonly logDir: string,
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  /** Starts a service; `logName` names its log file when several instances run. */
  start(name: ServiceName, logName: string = name): ChildProcess {
    const log = createWriteStream(join(this.logDir, `${logName}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join(this.root, 'dist/apps', name, 'src/main.js')], {
      cwd: this.root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.children.set(name, child);
    return child;
  }

  startAll(): void {
    for (const s of SERVICES) this.start(s);
  }

  pid(name: ServiceName): number | undefined {
    return this.children.get(name)?.pid;
  }

  /** Stops a service: SIGTERM for a graceful stop, SIGKILL to simulate a crash. */
  async stop(
    name: ServiceName,
    signal: NodeJS.Signals = 'SIGTERM',
    timeoutMs = 15_000,
  ): Promise<void> {
    const child = this.children.get(name);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  async stopAll(): Promise<void> {
    await Promise.all(SERVICES.map((s) => this.stop(s)));
  }
}
