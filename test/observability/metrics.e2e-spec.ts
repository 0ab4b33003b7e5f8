import { api } from '../support/api';
import { runEnv } from '../support/run-env';
import { boardAfter, createActiveWeek, hoursAgo, MET, report } from '../support/scenario';

async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

describe('Prometheus metrics', () => {
  it('each service exposes request, outbox, consumer and process figures', async () => {
    const op = await createActiveWeek('Metrics week');
    await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 1 });
    await boardAfter(op.id, 1);
    await api('GET', `/api/v1/operations/${op.id}/board`);

    const env = runEnv();
    const gateway = await scrape(env.metricsUrls.gateway);
    expect(gateway).toMatch(
      /intensify_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/operations\/:operationId\/outcomes"[^}]*status="202"[^}]*\} [1-9]/,
    );
    expect(gateway).toMatch(/process_resident_memory_bytes\{service="gateway"\} \d+/);

    const reporting = await scrape(env.metricsUrls.reporting);
    expect(reporting).toMatch(/intensify_outbox_backlog\{[^}]*schema="reporting"[^}]*\} \d+/);
    expect(reporting).toMatch(
      /intensify_outbox_published_total\{[^}]*schema="reporting"[^}]*\} [1-9]/,
    );

    const projections = await scrape(env.metricsUrls.projections);
    expect(projections).toMatch(
      /intensify_consumer_events_applied_total\{[^}]*group="[^"]*projections.board.v1"[^}]*\} [1-9]/,
    );
    expect(projections).toMatch(/intensify_projection_freshness_seconds_count\{[^}]*\} [1-9]/);
    expect(projections).toMatch(
      /intensify_consumer_lag_messages\{[^}]*topic="[^"]*outcomes.v1"[^}]*\} 0/,
    );
  });

  it.each(['reporting', 'projections', 'tasking', 'intelligence', 'safeguarding'] as const)(
    "%s answers the orchestrator's probes on its metrics port with its own checks",
    async (service) => {
      const url = runEnv().metricsUrls[service];
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checked: string[] };
      expect(body.checked).toEqual(expect.arrayContaining(['postgres']));
    },
  );

  it('the gateway, without checks of its own, is ready while it serves', async () => {
    const ready = await fetch(`${runEnv().metricsUrls.gateway}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checked: [] });
  });
});
