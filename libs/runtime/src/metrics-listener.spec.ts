import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { HealthReport } from './health';
import { Readiness, serveMetrics } from './metrics-listener';

describe('the operations listener', () => {
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  async function listener(readiness?: Readiness) {
    const server = await serveMetrics(0, '127.0.0.1', readiness);
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    return (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
  }
  const report =
    (status: HealthReport['status']): Readiness =>
    async () => ({
      status,
      checks: {
        kafka: { status: status === 'ok' ? 'up' : 'down', error: 'broker does not answer' },
      },
    });

  it('answers the liveness probe while the process serves, whatever its dependencies say', async () => {
    const get = await listener(report('error'));
    expect((await get('/health/live')).status).toBe(200);
  });

  it('answers the readiness probe with the service checks: 503 when one is down', async () => {
    expect((await (await listener(report('ok')))('/health/ready')).status).toBe(200);
    const failing = await (await listener(report('error')))('/health/ready');
    expect(failing.status).toBe(503);
    // The probe is not behind the service credential: it names what it checked, no details.
    expect(await failing.json()).toEqual({ status: 'error', checked: ['kafka'] });
  });

  it('is ready when the service has no checks of its own, and 503 when the checks throw', async () => {
    expect((await (await listener())('/health/ready')).status).toBe(200);
    const throwing = await listener(() => Promise.reject(new Error('no')));
    expect((await throwing('/health/ready')).status).toBe(503);
  });

  it('still serves the metrics and nothing else', async () => {
    const get = await listener();
    expect((await get('/metrics')).status).toBe(200);
    expect((await get('/internal/health')).status).toBe(404);
  });
});
