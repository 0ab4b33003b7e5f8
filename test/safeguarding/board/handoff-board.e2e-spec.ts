import { HandoffCounts } from '@intensify/contracts';
import { FORCES, REGIONS } from '@intensify/reference-data';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../../support/api';
import { board, createActiveWeek, MERSEYSIDE, MET } from '../../support/scenario';
import { counts, handoff, KENT, publishHandoffEvents } from './handoff-events';

const BTP = 'BTP';

/** Waits for the board's national hand-off figures, then answers the whole board. */
function boardWith(operationId: string, national: object, token?: string) {
  return waitFor(
    () => board(operationId, token),
    (b) => JSON.stringify(b.handoffs) === JSON.stringify(national),
    { what: `hand-offs ${JSON.stringify(national)} on board ${operationId}` },
  );
}

describe('hand-offs on the board', () => {
  it('counts each hand-off of the week once, at its current home force, whatever the copies', async () => {
    const op = await createActiveWeek('Hand-offs week');
    const other = await createActiveWeek('Another week');
    const overdue = handoff(op.id, MET);
    const redirected = handoff(op.id, MET);
    const closed = handoff(op.id, MERSEYSIDE);
    const lateButAcknowledged = handoff(op.id, MET);
    const transport = handoff(op.id, BTP);
    const sentBack = handoff(op.id, KENT);
    const outsideAnyWeek = handoff(null, MET);
    const otherWeek = handoff(other.id, MET);
    const events = [
      overdue.raise(),
      overdue.overdue(),
      redirected.raise(),
      redirected.redirect(KENT),
      redirected.acknowledge(),
      closed.raise(),
      closed.acknowledge(),
      closed.close(),
      closed.eraseSubject(),
      lateButAcknowledged.raise(),
      lateButAcknowledged.overdue(),
      lateButAcknowledged.acknowledge(),
      transport.raise(),
      sentBack.raise(),
      sentBack.acknowledge(),
      sentBack.redirect(MET),
      outsideAnyWeek.raise(),
      outsideAnyWeek.overdue(),
      otherWeek.raise(),
    ];
    await publishHandoffEvents(events);

    const national = counts({ raised: 3, acknowledged: 2, closed: 1, overdue: 1 });
    const b = await boardWith(op.id, national);
    const byForce: Record<string, HandoffCounts> = {
      [MET]: counts({ raised: 2, acknowledged: 1, overdue: 1 }),
      [KENT]: counts({ acknowledged: 1 }),
      [MERSEYSIDE]: counts({ closed: 1 }),
      [BTP]: counts({ raised: 1 }),
    };
    expect(b.handoffsByForce).toEqual(
      Object.fromEntries(FORCES.map((f) => [f.code, byForce[f.code] ?? counts()])),
    );
    const byRegion = {
      london: byForce[MET],
      eastern: byForce[KENT],
      'north-west': byForce[MERSEYSIDE],
    } as Record<string, HandoffCounts>;
    expect(b.handoffsByRegion).toEqual(
      Object.fromEntries(REGIONS.map((r) => [r.code, byRegion[r.code] ?? counts()])),
    );
    expect((await boardWith(other.id, counts({ raised: 1 }))).handoffsByForce[MET]).toEqual(
      counts({ raised: 1 }),
    );

    // Every event again, as a relay does after a crash; then one new hand-off per partition,
    // behind the copies, proves they were read.
    await publishHandoffEvents(events);
    const markers = [0, 1, 2].map(() => handoff(op.id, MERSEYSIDE));
    for (const [partition, marker] of markers.entries())
      await publishHandoffEvents([marker.raise()], partition);
    const again = await boardWith(op.id, { ...national, raised: national.raised + 3 });
    expect(again.handoffsByForce).toEqual({
      ...b.handoffsByForce,
      [MERSEYSIDE]: counts({ raised: 3, closed: 1 }),
    });
    expect(again.handoffsByRegion.london).toEqual(b.handoffsByRegion.london);

    const focus = await api('GET', `/api/v1/operations/${op.id}/focus-map`, {
      token: await tokenFor({ role: 'nclcc' }),
    });
    expect(focus.status).toBe(200);
    expect(
      Object.entries(focus.body.forces)
        .filter(([, f]: [string, any]) => f.handoffsOverdue > 0)
        .map(([code, f]: [string, any]) => [code, f.handoffsOverdue]),
    ).toEqual([[MET, 1]]);
    expect(focus.body.forces[KENT].handoffsOverdue).toBe(0);
  });

  it('shows a scoped reader its own region and forces in detail, and the national figures', async () => {
    const op = await createActiveWeek('Scoped hand-offs week');
    const toLondon = handoff(op.id, MET);
    const toKent = handoff(op.id, KENT);
    await publishHandoffEvents([toLondon.raise(), toLondon.overdue(), toKent.raise()]);
    const national = counts({ raised: 2, overdue: 1 });

    const commander = await tokenFor({ role: 'commander', region: 'london' });
    const c = await boardWith(op.id, national, commander);
    expect(c.handoffsByRegion).toEqual({ london: counts({ raised: 1, overdue: 1 }) });
    expect(Object.keys(c.handoffsByForce).sort()).toEqual(Object.keys(c.taskingsByForce).sort());
    expect(c.handoffsByForce[MET]).toEqual(counts({ raised: 1, overdue: 1 }));
    expect(c.handoffsByForce[KENT]).toBeUndefined();

    const kent = await tokenFor({ role: 'force', force: KENT });
    const k = await boardWith(op.id, national, kent);
    expect(k.handoffsByForce).toEqual({ [KENT]: counts({ raised: 1 }) });
    expect(k.handoffsByRegion).toEqual({});
    const map = await api('GET', `/api/v1/operations/${op.id}/focus-map`, { token: kent });
    expect(map.body.forces[KENT]).toMatchObject({ handoffsOverdue: 0 });
    expect(map.body.forces[MET]).toEqual({ focusForce: false });
  });
});
