import { createServer, Server } from 'node:http';
import { scrapeMetrics } from './metrics';

/**
 * `GET /metrics` on a listener of its own, never on the API port: the figures are for the
 * scraper on the operations network, not for API clients or other services.
 */
export function serveMetrics(port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    scrapeMetrics().then(
      ({ contentType, text }) => res.writeHead(200, { 'content-type': contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
