import { waitFor } from '@intensify/testing';
import { api } from '../support/api';
import {
  applyDdtros,
  as,
  decide,
  freshBrand,
  freshNumber,
  registerLine,
  RETURN_HEADER,
  uploadReturn,
} from '../support/intelligence';
import { platformHealthy, startService, stopService } from '../support/service-restarts';

const KENT = 'E23000032';
const NORFOLK = 'E23000024';

describe('intelligence: faults', () => {
  it('fires a provider deadline once even when the service is killed while it waits', async () => {
    const l = await registerLine({
      brand: freshBrand('Kill'),
      exportingForce: KENT,
      numbers: [freshNumber()],
    });
    const [order] = (
      await applyDdtros(
        l.id,
        l.numbers.map((n: { number: string }) => n.number),
      )
    ).body.ddtros;
    expect((await decide(order.id, 'grant')).status).toBe(200);
    await stopService('intelligence', 'SIGKILL');
    startService('intelligence');
    await platformHealthy();
    await waitFor(
      async () =>
        (await api('GET', `/api/v1/ddtros?lineId=${l.id}`, { token: await as() })).body.items[0],
      (d) => d?.providerOverdue === true,
      { timeoutMs: 60_000, intervalMs: 200, what: 'the provider deadline after a restart' },
    );
    const trail = await api(
      'GET',
      `/api/v1/intelligence/audit?action=ddtro.provider-overdue&subjectId=${order.id}`,
      { token: await as() },
    );
    expect(
      trail.body.items.filter((a: { subjectId: string }) => a.subjectId === order.id),
    ).toHaveLength(1);
  });

  it('deconflicts two forces uploading the same number at the same moment', async () => {
    const shared = freshNumber();
    const csv = () => `${RETURN_HEADER}\n${freshBrand('Race')},,,${shared},,,,,,,,,\n`;
    const [a, b] = await Promise.all([
      uploadReturn(KENT, '2026-10', csv()),
      uploadReturn(NORFOLK, '2026-10', csv()),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const alerts = (
      await api('GET', '/api/v1/deconfliction/alerts?kind=number', { token: await as() })
    ).body.items.filter((x: { value: string }) => x.value === shared);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].forces).toEqual([KENT, NORFOLK].sort());
  });
});
