import { createServer, ServerResponse, Server } from 'node:http';
import { HealthReport } from './health';
import { scrapeMetrics } from './metrics';

/** The service's own health report; absent where a service has no checks (the gateway). */
export type Readiness = () => Promise<HealthReport>;

/** Where the orchestrator's probes ask (infra/k8s's manifests use these). */
export const PROBE_PATHS = { live: '/health/live', ready: '/health/ready' } as const;

const alive: Readiness = async () => ({ status: 'ok', checks: {} });

/**
 * `GET /metrics` on a listener of its own, never on the API port: the figures are for the
 * scraper on the operations network, not for API clients or other services. The orchestrator's
 * probes come here too, as they cannot sign the service credential `internal/health` asks for:
 * `/health/live` answers while the event loop does, `/health/ready` runs the service's checks.
 */
export function serveMetrics(port: number, host: string, readiness?: Readiness): Promise<Server> {
  const server = createServer((req, res) => {
    const path = req.method === 'GET' ? req.url?.split('?')[0] : undefined;
    if (path === '/metrics') {
      scrapeMetrics().then(
        ({ contentType, text }) => res.writeHead(200, { 'content-type': contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    } else if (path === PROBE_PATHS.live) {
      answerHealth(res, alive());
    } else if (path === PROBE_PATHS.ready) {
      answerHealth(res, (readiness ?? alive)());
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * The status and which dependencies were checked; their details (assignments, errors) stay
 * behind the service credential.
 */
function answerHealth(res: ServerResponse, report: Promise<HealthReport>): void {
  report.then(
    ({ status, checks }) => {
      res.writeHead(status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status, checked: Object.keys(checks) }));
    },
    () => res.writeHead(503).end(),
  );
}
