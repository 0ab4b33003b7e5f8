import { randomUUID } from 'node:crypto';
import { api, tokenFor } from '../support/api';
import { rebuildReadModels } from '../support/rebuild';
import {
  board,
  boardAfter,
  createActiveWeek,
  hoursAgo,
  MERSEYSIDE,
  MET,
  report,
} from '../support/scenario';

const stable = (b: any) => ({ ...b, asOf: undefined });

describe('rebuilding the read models', () => {
  it('replays every topic into fresh tables and swaps them in; the board is the same and stays up', async () => {
    const op = await createActiveWeek('Rebuild week');
    const token = await tokenFor({ role: 'nclcc' });
    const a = await report(op.id, {
      type: 'arrest',
      force: MET,
      occurredAt: hoursAgo(4),
      count: 3,
      under18: 1,
    });
    await report(op.id, {
      type: 'seizure',
      force: MERSEYSIDE,
      occurredAt: hoursAgo(4),
      cashPence: 123_456,
      drugs: [
        { drug: 'crack', grams: 0.1 },
        { drug: 'crack', grams: 0.2 },
      ],
    });
    await api('POST', `/api/v1/outcomes/${a.body.id}/corrections`, {
      token,
      body: { type: 'arrest', force: MERSEYSIDE, occurredAt: hoursAgo(4), count: 2 },
      headers: { 'idempotency-key': randomUUID() },
    });
    const c = await report(op.id, {
      type: 'line',
      force: 'BTP',
      occurredAt: hoursAgo(3),
      action: 'closed-type1',
    });
    await api('POST', `/api/v1/outcomes/${c.body.id}/retraction`, {
      token,
      body: { reason: 'wrong line' },
    });
    const before = await boardAfter(op.id, 5);
    const timeline = async () =>
      (await api('GET', `/api/v1/operations/${op.id}/board/timeline`, { token })).body;
    const hoursBefore = await timeline();
    // The arrest (corrected) and the seizure; the retracted line is gone.
    expect(hoursBefore.hours.reduce((n: number, h: any) => n + h.total, 0)).toBe(2);

    // Reads go on during the rebuild, and reports too; none may fail.
    let reading = true;
    const reads: number[] = [];
    const reader = (async () => {
      while (reading)
        reads.push((await api('GET', `/api/v1/operations/${op.id}/board`, { token })).status);
    })();
    const stdout = await rebuildReadModels();
    reading = false;
    await reader;
    expect(stdout).toMatch(/done in [\d.]+ s/);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((s) => s === 200)).toBe(true);

    const after = await board(op.id);
    expect(stable(after)).toEqual(stable(before));
    expect(after.national).toMatchObject({ arrests: 2, cashPence: 123_456 });
    expect(after.national.drugs.crack.grams).toBe(0.3);
    expect(after.national.lines.closedType1).toBe(0);
    // The outcomes-per-hour timeline is rebuilt from the same events, to the same counts.
    expect(await timeline()).toEqual(hoursBefore);

    // The live consumer carries on from where the rebuild stopped: nothing twice, nothing lost.
    await report(op.id, { type: 'arrest', force: MET, occurredAt: hoursAgo(1), count: 4 });
    const later = await boardAfter(op.id, 6);
    expect(later.eventsApplied).toBe(6);
    expect(later.national.arrests).toBe(6);
  });
});
