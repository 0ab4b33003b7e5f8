import { runEnv } from '../support/run-env';
import { tokenFor } from '../support/api';
import { createActiveWeek, hoursAgo, MET, report } from '../support/scenario';
import { readEvents } from '../support/sse';

describe('board stream (SSE)', () => {
  it('sends the board on connect and again after a change', async () => {
    const op = await createActiveWeek('Stream week');
    const token = await tokenFor({ role: 'commander' });
    const url = `${runEnv().gatewayUrl}/api/v1/operations/${op.id}/board/stream?access_token=${token}`;
    let posted = 0;
    // The change is made once the first frame has arrived, so it must come as a second push.
    const boards = await readEvents(
      url,
      'board',
      (bs) => bs.some((b) => b.national.arrests === 6),
      async () => {
        posted = (
          await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 6 })
        ).status;
      },
    );
    expect(posted).toBe(202);
    expect(boards.length).toBeGreaterThanOrEqual(2);
    expect(boards[0]).toMatchObject({ operationId: op.id, eventsApplied: 0 });
    expect(boards[boards.length - 1].national.arrests).toBe(6);
    expect(boards[boards.length - 1].forces[MET].arrests).toBe(6);
  });

  it('refuses a stream without a token', async () => {
    const op = await createActiveWeek('Closed stream week');
    const res = await fetch(`${runEnv().gatewayUrl}/api/v1/operations/${op.id}/board/stream`);
    expect(res.status).toBe(401);
  });
});
