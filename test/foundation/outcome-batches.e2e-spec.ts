import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { boardAfter, createActiveWeek, hoursAgo, MET, report } from '../support/scenario';

/**
 * The gateway sends one caller's outcomes in flight to reporting together. Fired at once, so
 * that they share internal calls and transactions, each request must still get the answer it
 * would get alone: distinct keys 202, racing copies of one request one 202 and 200s with the
 * same id, one key with other bodies one 202 and 409s, a closed week 409, a bad week id 404;
 * and the board counts each accepted outcome once.
 */
describe('outcomes sent together', () => {
  it('answers each request as if it came alone, and counts each accepted outcome once', async () => {
    const week = await createActiveWeek('Batched outcomes');
    const closed = await createActiveWeek('Closed before the burst');
    const nclcc = await tokenFor({ role: 'nclcc' });
    const closing = await api('POST', `/api/v1/operations/${closed.id}/close`, { token: nclcc });
    expect(closing.status).toBe(200);
    const token = await tokenFor({ role: 'force', force: MET });
    const arrest = (count: number) => ({
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(1),
      count,
    });

    const copyKey = randomUUID();
    const clashKey = randomUUID();
    const sends: { kind: string; op: string; body: ReturnType<typeof arrest>; key?: string }[] = [
      ...Array.from({ length: 30 }, () => ({ kind: 'distinct', op: week.id, body: arrest(1) })),
      ...Array.from({ length: 5 }, () => ({
        kind: 'copy',
        op: week.id,
        body: arrest(2),
        key: copyKey,
      })),
      ...[3, 4, 5].map((n) => ({ kind: 'clash', op: week.id, body: arrest(n), key: clashKey })),
      ...Array.from({ length: 2 }, () => ({ kind: 'closed', op: closed.id, body: arrest(1) })),
      { kind: 'no-week', op: randomUUID(), body: arrest(1) },
    ];
    const answers = await Promise.all(
      sends.map(async (s) => ({ ...s, res: await report(s.op, s.body, { token, key: s.key }) })),
    );
    const of = (kind: string) => answers.filter((a) => a.kind === kind).map((a) => a.res);

    expect(of('distinct').map((r) => r.status)).toEqual(Array(30).fill(202));
    expect(new Set(of('distinct').map((r) => r.body.id)).size).toBe(30);

    const copies = of('copy');
    expect(copies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 202]);
    expect(new Set(copies.map((r) => r.body.id)).size).toBe(1);

    const clashes = of('clash');
    expect(clashes.map((r) => r.status).sort()).toEqual([202, 409, 409]);
    expect(clashes.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual([
      'idempotency_conflict',
      'idempotency_conflict',
    ]);
    const clashWinner = answers.find((a) => a.kind === 'clash' && a.res.status === 202)!;

    expect(of('closed').map((r) => [r.status, r.body.code])).toEqual([
      [409, 'operation_closed'],
      [409, 'operation_closed'],
    ]);
    expect(of('no-week').map((r) => r.status)).toEqual([404]);

    const b = await boardAfter(week.id, 32);
    expect(b.eventsApplied).toBe(32);
    expect(b.national.arrests).toBe(30 + 2 + (clashWinner.body as { count: number }).count);
  });
});
