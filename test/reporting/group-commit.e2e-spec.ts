import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { boardAfter, createActiveWeek, hoursAgo, MET, report } from '../support/scenario';

/**
 * Outcomes arriving together share a transaction, yet each request must get its own answer:
 * a closed week, a replay and a bad time in the same moment must not affect their neighbours.
 */
describe('group commit keeps every answer separate', () => {
  it('answers a burst of mixed requests one by one, and counts exactly the accepted', async () => {
    const open = await createActiveWeek('Open burst week');
    const closed = await createActiveWeek('Closed burst week');
    await api('POST', `/api/v1/operations/${closed.id}/close`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    const earlierKey = randomUUID();
    const earlierBody = { type: 'arrest', force: MET, occurredAt: hoursAgo(3), count: 2 };
    const earlier = await report(open.id, earlierBody, { key: earlierKey });
    expect(earlier.status).toBe(202);

    const arrest = { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 1 };
    const burst = [
      ...Array.from({ length: 20 }, () =>
        report(open.id, arrest).then((r) => ['open', r] as const),
      ),
      ...Array.from({ length: 10 }, () =>
        report(closed.id, arrest).then((r) => ['closed', r] as const),
      ),
      ...Array.from({ length: 10 }, () =>
        report(open.id, earlierBody, { key: earlierKey }).then((r) => ['replay', r] as const),
      ),
      ...Array.from({ length: 10 }, () =>
        report(open.id, {
          ...arrest,
          occurredAt: new Date(Date.now() + 86_400_000).toISOString(),
        }).then((r) => ['future', r] as const),
      ),
    ];
    const answers = await Promise.all(burst);
    const statuses = (kind: string) => answers.filter(([k]) => k === kind).map(([, r]) => r.status);
    expect(statuses('open')).toEqual(Array(20).fill(202));
    expect(statuses('closed')).toEqual(Array(10).fill(409));
    expect(
      answers.filter(([k]) => k === 'closed').every(([, r]) => r.body.code === 'operation_closed'),
    ).toBe(true);
    expect(statuses('replay')).toEqual(Array(10).fill(200));
    expect(
      answers.filter(([k]) => k === 'replay').every(([, r]) => r.body.id === earlier.body.id),
    ).toBe(true);
    expect(statuses('future')).toEqual(Array(10).fill(400));

    const b = await boardAfter(open.id, 21);
    expect(b.eventsApplied).toBe(21);
    expect(b.national.arrests).toBe(22);
  });
});
