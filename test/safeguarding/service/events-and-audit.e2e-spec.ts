import { waitFor } from '@intensify/testing';
import { readTopic } from '../../support/topic-reader';
import {
  act,
  auditOf,
  forceUser,
  handoffBody,
  MERSEYSIDE,
  MET,
  raise,
  regional,
} from './handoff-calls';

describe('hand-off events and audit (safeguarding service)', () => {
  it('publishes every step with its positions and no person, and audits who did it', async () => {
    const reader = await readTopic('safeguarding.v1');
    try {
      const body = handoffBody({ note: 'OFFLOG-NOTE found at the station' });
      const h = (await raise(body, forceUser('E23000021'))).body;
      await act(h.id, 'acknowledge', { owner: 'MET-SG-0801' }, forceUser(MET));
      await act(
        h.id,
        'redirect',
        { homeForce: MERSEYSIDE, reason: 'OFFLOG-REASON lives elsewhere' },
        regional('london'),
      );
      await act(h.id, 'acknowledge', { owner: 'MER-SG-0802' }, forceUser(MERSEYSIDE));
      await act(h.id, 'close', { outcome: 'nrm-referral', note: 'OFFLOG-NOTE done' });

      const events = await waitFor(
        async () => reader.messages.filter((m) => m.aggregateId === h.id),
        (found) => found.length >= 5,
        { timeoutMs: 20_000, intervalMs: 100, what: 'five events of the hand-off' },
      );
      expect(events.map((e) => [e.type, e.payload.seq])).toEqual([
        ['handoff.raised', 1],
        ['handoff.acknowledged', 2],
        ['handoff.redirected', 3],
        ['handoff.acknowledged', 4],
        ['handoff.closed', 5],
      ]);
      expect(events[2].payload).toMatchObject({
        previous: { homeForce: MET, status: 'acknowledged', overdue: false },
        homeForce: MERSEYSIDE,
        status: 'raised',
      });
      expect(events[4].payload.outcome).toBe('nrm-referral');
      for (const e of events) {
        expect(e.raw).not.toContain(body.subjectRef);
        expect(e.raw).not.toMatch(/OFFLOG|MET-SG-0801|MER-SG-0802/);
      }

      const audit = (await auditOf(h.id)).body.items.reverse();
      expect(audit.map((a: any) => [a.action, a.actor.sub])).toEqual([
        ['handoff.raised', 'lead-E23000021'],
        ['handoff.acknowledged', `lead-${MET}`],
        ['handoff.redirected', 'rc-london'],
        ['handoff.acknowledged', `lead-${MERSEYSIDE}`],
        ['handoff.closed', 'nclcc-safeguarding'],
      ]);
      expect(audit[2].details).toMatchObject({ homeForce: MERSEYSIDE, from: MET });
      expect(JSON.stringify(audit)).not.toMatch(/OFFLOG|MET-SG-0801|MER-SG-0802/);
      expect(JSON.stringify(audit)).not.toContain(body.subjectRef);
    } finally {
      await reader.stop();
    }
  });
});
