import { randomUUID } from 'node:crypto';
import { waitFor } from '@intensify/testing';
import { api } from '../support/api';
import { actOnAlert, as, raiseNumberAlert } from '../support/intelligence';
import { readTopic } from '../support/topic-reader';

/** Alerts of this file match lines recorded by Cumbria and Lancashire (North West). */
const CUMBRIA = 'E23000002';
const LANCASHIRE = 'E23000003';
const EASTERN = { role: 'regional' as const, region: 'eastern' };
const NORTH_WEST = { role: 'regional' as const, region: 'north-west' };

async function listed(id: string, who: object = { role: 'nclcc' }, query = '') {
  const res = await api('GET', `/api/v1/deconfliction/alerts?limit=500${query}`, {
    token: await as(who as never),
  });
  expect(res.status).toBe(200);
  return res.body.items.find((a: { id: string }) => a.id === id);
}

describe('intelligence: acting on deconfliction alerts', () => {
  it('acknowledges then resolves with a note, replays a key once, and refuses what the status forbids', async () => {
    const alert = await raiseNumberAlert([CUMBRIA, LANCASHIRE]);
    expect(alert).toMatchObject({ status: 'open', region: null });
    const key = randomUUID();
    const ack = await actOnAlert(
      alert.id,
      'acknowledge',
      {},
      { role: 'nclcc', sub: 'desk-1' },
      key,
    );
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      id: alert.id,
      status: 'acknowledged',
      acknowledgedBy: { sub: 'desk-1', role: 'nclcc' },
    });
    const replay = await actOnAlert(
      alert.id,
      'acknowledge',
      {},
      { role: 'nclcc', sub: 'desk-1' },
      key,
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(ack.body);
    const other = await actOnAlert(alert.id, 'resolve', { note: 'agreed' }, undefined, key);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_conflict');
    const twice = await actOnAlert(alert.id, 'acknowledge');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('illegal_transition');
    expect(twice.body.errors).toEqual([{ field: 'status', message: 'is acknowledged' }]);

    // Bad bodies name the field; a key is required.
    const noNote = await actOnAlert(alert.id, 'resolve', {});
    expect(noNote.status).toBe(400);
    expect(noNote.body.errors.map((e: { field: string }) => e.field)).toEqual(['note']);
    const person = await actOnAlert(alert.id, 'resolve', { note: 'Spoke to John Smith about it' });
    expect(person.status).toBe(400);
    expect(person.body.errors).toEqual([
      { field: 'note', message: expect.stringContaining('a name') },
    ]);
    const extra = await actOnAlert(alert.id, 'acknowledge', { colour: 'red' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('colour');
    const noKey = await actOnAlert(alert.id, 'resolve', { note: 'x' }, undefined, null);
    expect(noKey.status).toBe(400);
    expect(noKey.body.errors[0].field).toBe('Idempotency-Key');

    const resolved = await actOnAlert(alert.id, 'resolve', {
      note: '  Cumbria leads; Lancashire shares  ',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolutionNote: 'Cumbria leads; Lancashire shares',
      resolvedBy: { role: 'nclcc' },
    });
    expect(await listed(alert.id, { role: 'nclcc' }, '&status=resolved')).toMatchObject({
      status: 'resolved',
      acknowledgedAt: expect.any(String),
      resolvedAt: expect.any(String),
    });
    expect(await listed(alert.id, { role: 'nclcc' }, '&status=open')).toBeUndefined();
    const late = await actOnAlert(alert.id, 'hand-to-region', { region: 'eastern' });
    expect(late.status).toBe(409);
    expect(late.body.errors).toEqual([{ field: 'status', message: 'is resolved' }]);
    const missing = await actOnAlert(randomUUID(), 'acknowledge');
    expect(missing.status).toBe(404);
  });

  it('hands an alert to a region, whose coordinator then sees, acknowledges and resolves it', async () => {
    const alert = await raiseNumberAlert([CUMBRIA, LANCASHIRE]);
    // Eastern has no part in the alert: it neither sees nor acts on it until handed it.
    expect(await listed(alert.id, EASTERN)).toBeUndefined();
    expect((await actOnAlert(alert.id, 'acknowledge', {}, EASTERN)).status).toBe(403);
    expect(
      (await actOnAlert(alert.id, 'hand-to-region', { region: 'eastern' }, NORTH_WEST)).status,
    ).toBe(403);
    expect(
      (await actOnAlert(alert.id, 'acknowledge', {}, { role: 'force', force: CUMBRIA })).status,
    ).toBe(403);
    const bad = await actOnAlert(alert.id, 'hand-to-region', { region: 'gotham' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('region');

    const handed = await actOnAlert(alert.id, 'hand-to-region', { region: 'eastern' });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({
      status: 'open',
      region: 'eastern',
      handedBy: { role: 'nclcc' },
    });
    expect(await listed(alert.id, EASTERN)).toMatchObject({ region: 'eastern', status: 'open' });
    // The region concerned but not handed it still sees it, and may not act on it.
    expect(await listed(alert.id, NORTH_WEST)).toMatchObject({ region: 'eastern' });
    expect((await actOnAlert(alert.id, 'acknowledge', {}, NORTH_WEST)).status).toBe(403);
    const ack = await actOnAlert(alert.id, 'acknowledge', {}, { ...EASTERN, sub: 'eastern-desk' });
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedBy).toEqual({
      sub: 'eastern-desk',
      role: 'regional',
      region: 'eastern',
    });
    const done = await actOnAlert(
      alert.id,
      'resolve',
      { note: 'Merged into one investigation' },
      EASTERN,
    );
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('resolved');
  });

  it('publishes each step once with codes and ids only: the note stays in the register', async () => {
    const reader = await readTopic('intelligence.v1');
    try {
      const alert = await raiseNumberAlert([CUMBRIA, LANCASHIRE]);
      const key = randomUUID();
      await actOnAlert(alert.id, 'hand-to-region', { region: 'north-west' });
      expect((await actOnAlert(alert.id, 'acknowledge', {}, undefined, key)).status).toBe(200);
      expect((await actOnAlert(alert.id, 'acknowledge', {}, undefined, key)).status).toBe(200);
      const note = `OFFBUS-${randomUUID().slice(0, 8)} settled between the forces`;
      expect((await actOnAlert(alert.id, 'resolve', { note })).status).toBe(200);
      const steps = await waitFor(
        async () =>
          reader.messages.filter(
            (m) => m.aggregateId === alert.id && m.type !== 'deconfliction.raised',
          ),
        (found) => found.some((m) => m.type === 'deconfliction.resolved'),
        { timeoutMs: 30_000, intervalMs: 200, what: 'the alert’s step events' },
      );
      expect(steps.map((m) => m.type)).toEqual([
        'deconfliction.handed',
        'deconfliction.acknowledged',
        'deconfliction.resolved',
      ]);
      expect(steps.map((m) => m.payload)).toEqual([
        { alertId: alert.id, seq: 2, status: 'open', region: 'north-west' },
        { alertId: alert.id, seq: 3, status: 'acknowledged', region: 'north-west' },
        { alertId: alert.id, seq: 4, status: 'resolved', region: 'north-west' },
      ]);
      expect(reader.messages.some((m) => m.raw.includes('OFFBUS-'))).toBe(false);
      // The audit trail records the steps without the note either.
      const audit = await api('GET', `/api/v1/intelligence/audit?subjectId=${alert.id}&limit=50`, {
        token: await as(),
      });
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['deconfliction.resolved', 'deconfliction.acknowledged']),
      );
      expect(JSON.stringify(audit.body)).not.toContain('OFFBUS-');
    } finally {
      await reader.stop();
    }
  });
});
