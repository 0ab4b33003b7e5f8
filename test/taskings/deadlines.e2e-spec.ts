import { Queue } from 'bullmq';
import { DeadlineJob } from '../../apps/tasking/src/deadlines/deadline-jobs';
import { waitFor } from '@intensify/testing';
import { createActiveWeek, MERSEYSIDE, MET } from '../support/scenario';
import { platformHealthy, startService, stopService } from '../support/service-restarts';
import {
  boardWithTaskings,
  deadlineQueue,
  eventCounts,
  historyWith,
  inSeconds,
  issue,
  jobSettled,
  tasking,
  taskingBody,
  transition,
} from '../support/taskings';

/** TASKING_MINUTE_MS is 200 in tests: 3 "minutes" to acknowledge are 600 ms. */
const ACK_MINUTES = 3;

describe('taskings: deadlines', () => {
  let operationId: string;
  let queue: Queue<DeadlineJob>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    operationId = (await createActiveWeek('Deadline week')).id;
    ({ queue, close } = deadlineQueue());
  });
  afterAll(() => close());

  const issueWithDeadlines = async (priority: string, dueInSeconds: number, force = MERSEYSIDE) =>
    (
      await issue(
        operationId,
        taskingBody(force, {
          priority,
          dueAt: inSeconds(dueInSeconds),
          acknowledgeWithinMinutes: ACK_MINUTES,
        }),
      )
    ).body;

  /** Both deadline jobs of the first issue have run: nothing more can fire for it. */
  const deadlinesDone = async (id: string) => {
    await jobSettled(queue, `reminder:${id}:1`);
    await jobSettled(queue, `overdue:${id}:1`);
  };

  it('reminds, marks overdue and escalates a P1 once each', async () => {
    const t = await issueWithDeadlines('P1', 2);
    await historyWith(t.id, 'tasking.escalated');
    await deadlinesDone(t.id);
    const after = await tasking(t.id);
    expect(eventCounts(after)).toEqual({
      'tasking.issued': 1,
      'tasking.reminder-due': 1,
      'tasking.overdue': 1,
      'tasking.escalated': 1,
    });
    expect(after).toMatchObject({ status: 'issued', overdue: true });
    expect(
      after.history.find((h: { type: string }) => h.type === 'tasking.escalated').details,
    ).toEqual({
      issueSeq: 1,
      escalatedTo: 'nclcc',
    });
    const overdueAt = Date.parse(
      after.history.find((h: { type: string }) => h.type === 'tasking.overdue').at,
    );
    expect(overdueAt).toBeGreaterThanOrEqual(Date.parse(after.dueAt));
  });

  it('does not escalate a P2, nor remind an acknowledged tasking, nor mark a completed one overdue', async () => {
    const p2 = await issueWithDeadlines('P2', 2);
    const acknowledged = await issueWithDeadlines('P1', 2);
    await transition(acknowledged.id, 'acknowledge');
    const completed = await issueWithDeadlines('P1', 2);
    for (const step of ['acknowledge', 'start', 'complete']) await transition(completed.id, step);
    for (const t of [p2, acknowledged, completed]) await deadlinesDone(t.id);
    expect(eventCounts(await tasking(p2.id))).toEqual({
      'tasking.issued': 1,
      'tasking.reminder-due': 1,
      'tasking.overdue': 1,
    });
    expect(eventCounts(await tasking(acknowledged.id))).toEqual({
      'tasking.issued': 1,
      'tasking.acknowledged': 1,
      'tasking.overdue': 1,
      'tasking.escalated': 1,
    });
    expect(Object.keys(eventCounts(await tasking(completed.id)))).not.toContain('tasking.overdue');
  });

  it('gives a reassigned tasking fresh deadlines and ignores the old ones', async () => {
    const t = await issueWithDeadlines('P2', 2);
    await transition(t.id, 'reassign', { force: MET, dueAt: inSeconds(3) });
    await deadlinesDone(t.id);
    expect(eventCounts(await tasking(t.id))['tasking.overdue']).toBeUndefined();
    await jobSettled(queue, `overdue:${t.id}:2`);
    const after = await tasking(t.id);
    expect(after).toMatchObject({ force: MET, overdue: true });
    expect(eventCounts(after)['tasking.overdue']).toBe(1);
  });

  it('changes nothing when a deadline job runs a second time', async () => {
    const t = await issueWithDeadlines('P1', 1);
    await deadlinesDone(t.id);
    const before = await tasking(t.id);
    const copy = await queue.add(
      'overdue',
      { kind: 'overdue', taskingId: t.id, issueSeq: 1, dueAt: before.dueAt },
      {
        jobId: `rerun:${t.id}:1`,
      },
    );
    const again = await jobSettled(queue, copy.id!);
    expect(again.returnvalue).toBe('ignore');
    const reminderAgain = await queue.add('reminder', {
      kind: 'reminder',
      taskingId: t.id,
      issueSeq: 1,
      dueAt: before.issuedAt,
    });
    expect((await jobSettled(queue, reminderAgain.id!)).returnvalue).toBe('ignore');
    expect((await tasking(t.id)).history).toEqual(before.history);
  });

  it('still fires a deadline when the tasking service is killed while it waits', async () => {
    const t = await issueWithDeadlines('P1', 6);
    await waitFor(
      async () => (await queue.getJob(`overdue:${t.id}:1`))?.getState(),
      (state) => state === 'delayed',
      { what: 'the overdue job to wait in Redis' },
    );
    await stopService('tasking', 'SIGKILL');
    startService('tasking');
    await platformHealthy();
    await historyWith(t.id, 'tasking.escalated', 30_000);
    await deadlinesDone(t.id);
    expect(eventCounts(await tasking(t.id))).toMatchObject({
      'tasking.overdue': 1,
      'tasking.escalated': 1,
    });
  });

  it('counts taskings by status on the board, at every level, and lists the overdue ones with their age', async () => {
    const week = (await createActiveWeek('Board taskings week')).id;
    const made = await issue(week, {
      taskings: [
        taskingBody(MERSEYSIDE, { priority: 'P1', dueAt: inSeconds(1) }),
        taskingBody(MERSEYSIDE),
        taskingBody(MET),
        taskingBody(MET),
      ],
    });
    const [late, acked, started, declined] = made.body.taskings.map((x: { id: string }) => x.id);
    await transition(acked, 'acknowledge');
    await transition(started, 'acknowledge');
    await transition(started, 'start');
    await transition(declined, 'decline', { reason: 'No officers free' });
    await historyWith(late, 'tasking.overdue');
    const b = await boardWithTaskings(week, {
      issued: 1,
      acknowledged: 1,
      inProgress: 1,
      declined: 1,
      overdue: 1,
    });
    expect(b.taskings).toEqual({
      issued: 1,
      acknowledged: 1,
      inProgress: 1,
      completed: 0,
      declined: 1,
      overdue: 1,
    });
    expect(b.taskingsByRegion['north-west']).toMatchObject({
      issued: 1,
      acknowledged: 1,
      overdue: 1,
    });
    expect(b.taskingsByRegion.london).toMatchObject({ inProgress: 1, declined: 1, overdue: 0 });
    expect(b.taskingsByForce[MET]).toMatchObject({ inProgress: 1, declined: 1 });
    expect(b.overdueTaskings).toEqual([
      {
        id: late,
        force: MERSEYSIDE,
        priority: 'P1',
        dueAt: expect.any(String),
        overdueForMinutes: 0,
      },
    ]);

    await transition(late, 'acknowledge');
    await transition(late, 'start');
    await transition(late, 'complete');
    const done = await boardWithTaskings(week, { completed: 1, overdue: 0 });
    expect(done.taskings).toEqual({
      issued: 0,
      acknowledged: 1,
      inProgress: 1,
      completed: 1,
      declined: 1,
      overdue: 0,
    });
    expect(done.overdueTaskings).toEqual([]);
    // Tasking events move the board's tasking figures, not its count of outcome events.
    expect(done.eventsApplied).toBe(0);
  });
});
