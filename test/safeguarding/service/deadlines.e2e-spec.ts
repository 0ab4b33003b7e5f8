import { Queue } from 'bullmq';
import { waitFor } from '@intensify/testing';
import { DeadlineJob } from '../../../apps/safeguarding/src/deadlines/deadline-jobs';
import { startService, stopService } from '../../support/service-restarts';
import { handoffDeadlines, jobIdOf, jobSettled } from './deadline-queue';
import {
  act,
  actionCounts,
  BTP,
  getHandoff,
  handoffWhen,
  MERSEYSIDE,
  minutesAgo,
  raised,
  safeguardingHealthy,
} from './handoff-calls';

/** HANDOFF_HOUR_MS is 250 in tests: a child's 24 hours are 6 s. */
const CHILD_MS = 24 * 250;
const child = (extra: object = {}) => raised({ ageGroup: 'child', ...extra });

describe('hand-off deadlines (safeguarding service)', () => {
  let queue: Queue<DeadlineJob>;
  let close: () => Promise<void>;
  beforeAll(() => ({ queue, close } = handoffDeadlines()));
  afterAll(() => close());

  it('marks a child not acknowledged within 24 hours overdue and escalates it once', async () => {
    const h = await child({ foundAt: new Date().toISOString() });
    expect(Date.parse(h.acknowledgeBy) - Date.parse(h.foundAt)).toBe(CHILD_MS);
    const still = await getHandoff(h.id);
    expect(still.body.overdue).toBe(false);
    await jobSettled(queue, jobIdOf(h.id, 1));
    const after = (await getHandoff(h.id)).body;
    expect(actionCounts(after)).toEqual({ raise: 1, overdue: 1 });
    const overdue = after.history.find((e: { action: string }) => e.action === 'overdue');
    expect(overdue.escalatedTo).toEqual(['london', 'nclcc']);
    expect(Date.parse(overdue.at)).toBeGreaterThanOrEqual(Date.parse(h.acknowledgeBy));
    expect(after).toMatchObject({ status: 'raised', overdue: true, escalatedAt: overdue.at });
    // A late acknowledgement clears overdue and keeps when it was escalated.
    const ack = await act(h.id, 'acknowledge', { owner: 'MET-SG-0700' });
    expect(ack.body).toMatchObject({ overdue: false, escalatedAt: overdue.at });
  });

  it('escalates a hand-off to BTP to the NCLCC alone (BTP has no region)', async () => {
    const h = await child({ homeForce: BTP, foundAt: minutesAgo(600) });
    const after = await handoffWhen(h.id, (x) => x.overdue, 'overdue');
    expect(
      after.history.find((e: { action: string }) => e.action === 'overdue').escalatedTo,
    ).toEqual(['nclcc']);
  });

  it('leaves a hand-off acknowledged in time alone', async () => {
    const h = await child({ foundAt: new Date().toISOString() });
    await act(h.id, 'acknowledge', { owner: 'MET-SG-0701' });
    const job = await jobSettled(queue, jobIdOf(h.id, 1));
    expect(job.returnvalue).toBe('ignore');
    expect(actionCounts((await getHandoff(h.id)).body)).toEqual({ raise: 1, acknowledge: 1 });
  });

  it('gives a redirected hand-off a new deadline and escalates again when that one passes', async () => {
    const h = await child({ foundAt: minutesAgo(600) });
    const first = await handoffWhen(h.id, (x) => x.overdue, 'overdue');
    const redirected = await act(h.id, 'redirect', { homeForce: MERSEYSIDE, reason: 'moved' });
    expect(redirected.body).toMatchObject({ overdue: false, escalatedAt: first.escalatedAt });
    const seq = redirected.body.history.length;
    await jobSettled(queue, jobIdOf(h.id, seq));
    const after = (await getHandoff(h.id)).body;
    expect(actionCounts(after)).toEqual({ raise: 1, overdue: 2, redirect: 1 });
    const last = after.history[after.history.length - 1];
    expect(last).toMatchObject({ action: 'overdue', escalatedTo: ['north-west', 'nclcc'] });
    expect(Date.parse(last.at)).toBeGreaterThanOrEqual(Date.parse(redirected.body.acknowledgeBy));
    expect(after.escalatedAt).toBe(last.at);
  });

  it('changes nothing when a deadline job runs a second time', async () => {
    const h = await child({ foundAt: minutesAgo(600) });
    await jobSettled(queue, jobIdOf(h.id, 1));
    const before = (await getHandoff(h.id)).body;
    const copy = await queue.add(
      'acknowledge',
      { handoffId: h.id, deadlineSeq: 1, dueAt: h.acknowledgeBy },
      { jobId: `rerun:${h.id}:1` },
    );
    expect((await jobSettled(queue, copy.id!)).returnvalue).toBe('ignore');
    expect((await getHandoff(h.id)).body).toEqual(before);
    expect(actionCounts(before)).toEqual({ raise: 1, overdue: 1 });
  });

  it('still fires a deadline, once, when the service is killed while it waits', async () => {
    const h = await child({ foundAt: new Date().toISOString() });
    await waitFor(
      async () => (await queue.getJob(jobIdOf(h.id, 1)))?.getState(),
      (state) => state === 'delayed',
      { what: 'the deadline job to wait in Redis' },
    );
    await stopService('safeguarding', 'SIGKILL');
    startService('safeguarding');
    await safeguardingHealthy();
    await jobSettled(queue, jobIdOf(h.id, 1));
    const after = (await getHandoff(h.id)).body;
    expect(after.overdue).toBe(true);
    expect(actionCounts(after)).toEqual({ raise: 1, overdue: 1 });
  });
});
