// A small TCP round-robin balancer standing in, locally, for what a Kubernetes Service or a load
// balancer does in front of several instances of one service: each new connection goes to the
// next instance; one that refuses the connection (stopped, killed) is skipped for the next.
// Connections already open to an instance that dies are closed, and the caller retries.
import net from 'node:net';

/**
 * Listens on `host:port` and spreads connections over `backends` (`host:port` strings).
 * Resolves to `{ port, close() }` once listening (`port` 0 picks a free one).
 */
export function startBalancer({ port, host = '127.0.0.1', backends }) {
  let next = 0;
  const open = new Set();
  const connectTo = (client, tried) => {
    if (tried >= backends.length) return client.destroy();
    const [backendHost, backendPort] = backends[next++ % backends.length].split(':');
    const upstream = net.connect({ host: backendHost, port: Number(backendPort) });
    upstream.once('error', () => {
      // Refused before anything was sent: the next instance gets the connection.
      if (!upstream.connected) connectTo(client, tried + 1);
    });
    upstream.once('connect', () => {
      upstream.connected = true;
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => undefined);
    connectTo(client, 0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        port: server.address().port,
        close: () =>
          new Promise((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

// node infra/local/balancer.mjs <port> <host:port>... runs one balancer until stopped.
if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const [port, ...backends] = process.argv.slice(2);
  if (!/^\d+$/.test(port ?? '') || backends.length === 0) {
    console.error('usage: node infra/local/balancer.mjs <port> <host:port>...');
    process.exit(2);
  }
  await startBalancer({ port: Number(port), backends });
  console.log(`balancer: 127.0.0.1:${port} → ${backends.join(', ')}`);
}
