import { waitFor } from '@intensify/testing';
import { api, tokenFor } from '../../support/api';
import { rebuildReadModels } from '../../support/rebuild';
import { board, createActiveWeek, MERSEYSIDE, MET } from '../../support/scenario';
import { counts, handoff, KENT, publishHandoffEvents } from './handoff-events';

const stable = (x: any) => ({ ...x, asOf: undefined });

describe('rebuilding the hand-off counts', () => {
  it('replays the safeguarding topic to the same board and focus map, and carries on live', async () => {
    const op = await createActiveWeek('Hand-offs rebuild week');
    const token = await tokenFor({ role: 'nclcc' });
    const late = handoff(op.id, MET);
    const moved = handoff(op.id, MET);
    const done = handoff(op.id, MERSEYSIDE);
    const events = [
      late.raise(),
      late.overdue(),
      moved.raise(),
      moved.overdue(),
      moved.redirect(KENT),
      done.raise(),
      done.acknowledge(),
      done.close(),
    ];
    // Copies too: the rebuild must skip them as the live consumer did.
    await publishHandoffEvents([...events, ...events]);
    const national = counts({ raised: 2, closed: 1, overdue: 1 });
    const readBoard = () => board(op.id, token);
    const readMap = async () =>
      (await api('GET', `/api/v1/operations/${op.id}/focus-map`, { token })).body;
    const before = await waitFor(readBoard, (b) => equal(b.handoffs, national), {
      what: 'the hand-offs on the board',
    });
    const mapBefore = await readMap();
    expect(mapBefore.forces[MET].handoffsOverdue).toBe(1);

    const stdout = await rebuildReadModels();
    expect(stdout).toMatch(/done in [\d.]+ s/);
    const after = await readBoard();
    expect(stable(after)).toEqual(stable(before));
    expect(after.handoffsByForce[KENT]).toEqual(counts({ raised: 1 }));
    expect(stable(await readMap())).toEqual(stable(mapBefore));

    // The live consumer goes on from where the rebuild stopped: the next event counts once.
    await publishHandoffEvents([late.acknowledge()]);
    const later = await waitFor(readBoard, (b) => b.handoffs.acknowledged === 1, {
      what: 'the acknowledgement after the rebuild',
    });
    expect(later.handoffs).toEqual(counts({ raised: 1, acknowledged: 1, closed: 1 }));
    expect(later.handoffsByForce[MET]).toEqual(counts({ acknowledged: 1 }));
  });
});

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
