import { HandoffCounts } from '@intensify/contracts';
import { FORCES } from '@intensify/reference-data';
import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../../support/api';
import {
  acted,
  GREATER_MANCHESTER,
  handoffHourMs,
  MET,
  raised,
  tokenOf,
} from '../../support/handoffs';
import { board, createActiveWeek } from '../../support/scenario';
import { counts, KENT } from './handoff-events';

/** Waits for the board's national hand-off figures, then answers the whole board. */
function boardWith(operationId: string, national: HandoffCounts, timeoutMs = 15_000) {
  return waitFor(
    () => board(operationId),
    (b) => JSON.stringify(b.handoffs) === JSON.stringify(national),
    { timeoutMs, what: `hand-offs ${JSON.stringify(national)} on board ${operationId}` },
  );
}

function everyForce(byForce: Record<string, HandoffCounts>) {
  return Object.fromEntries(FORCES.map((f) => [f.code, byForce[f.code] ?? counts()]));
}

/**
 * Through the public API end to end: the safeguarding service raises, redirects, acknowledges,
 * closes and marks overdue; projections count them; the board shows exactly that.
 */
describe('hand-offs through the public API onto the board', () => {
  it('counts raised, redirected, overdue, acknowledged and closed hand-offs at their home force', async () => {
    const op = await createActiveWeek('Hand-offs end to end week');
    const nclcc = await tokenOf('nclcc');
    const kent = await tokenFor({ role: 'force', force: KENT, sub: 'sg-kent' });
    const gmp = await tokenFor({ role: 'force', force: GREATER_MANCHESTER, sub: 'sg-gmp' });

    // A child from London found in Leicestershire: 24 scaled hours to acknowledge.
    const child = await raised({ operationId: op.id, ageGroup: 'child' });
    // Adults (72 scaled hours): one for the wrong home force, one acknowledged and closed.
    const misplaced = await raised({ operationId: op.id });
    await acted(
      misplaced.id,
      'redirect',
      { homeForce: KENT, reason: 'family moved away last month' },
      nclcc,
    );
    await acted(misplaced.id, 'acknowledge', { owner: 'KNT-PC-201' }, kent);
    const done = await raised({ operationId: op.id, homeForce: GREATER_MANCHESTER });
    await acted(done.id, 'acknowledge', { owner: 'GMP-DC-17' }, gmp);
    await acted(done.id, 'close', { outcome: 'strategy-meeting' }, gmp);
    // Outside any week: on no board.
    await raised({ ageGroup: 'child' });

    const overdue = await boardWith(
      op.id,
      counts({ raised: 1, acknowledged: 1, closed: 1, overdue: 1 }),
      30 * handoffHourMs() + 15_000,
    );
    expect(overdue.handoffsByForce).toEqual(
      everyForce({
        [MET]: counts({ raised: 1, overdue: 1 }),
        [KENT]: counts({ acknowledged: 1 }),
        [GREATER_MANCHESTER]: counts({ closed: 1 }),
      }),
    );
    expect(overdue.handoffsByRegion).toMatchObject({
      london: counts({ raised: 1, overdue: 1 }),
      eastern: counts({ acknowledged: 1 }),
      'north-west': counts({ closed: 1 }),
      'east-midlands': counts(),
    });
    const map = await api('GET', `/api/v1/operations/${op.id}/focus-map`, { token: nclcc });
    expect(map.body.forces[MET].handoffsOverdue).toBe(1);

    // Acknowledged late: no longer overdue, now acknowledged at the Met.
    await acted(child.id, 'acknowledge', { owner: 'MET-PC-4411' });
    const after = await boardWith(op.id, counts({ acknowledged: 2, closed: 1 }));
    expect(after.handoffsByForce[MET]).toEqual(counts({ acknowledged: 1 }));
    expect(after.handoffsByRegion.london).toEqual(counts({ acknowledged: 1 }));
  });
});
