import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * The floor under the accept figure: a bare Node HTTP server in its own process that reads each
 * request's body and answers 202 with a body the size of the platform's, doing nothing else. On
 * the same machine and connections, accept ÷ bare says how much of the machine's HTTP capacity
 * the platform's own work leaves.
 */
const SERVER = `
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const server = http.createServer({ keepAliveTimeout: 30000 }, (req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    const body = JSON.stringify({ id: randomUUID(), status: 'accepted' });
    res.writeHead(202, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export interface BareServer {
  url: string;
  stop(): Promise<void>;
}

export async function startBareServer(): Promise<BareServer> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(chunk.toString().trim());
  if (!Number.isInteger(port)) throw new Error(`bare server did not start: ${chunk}`);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      // Keep-alive connections hold close(): the pool is closed first, then it exits.
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
