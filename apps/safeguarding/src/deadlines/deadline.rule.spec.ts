import { acknowledgeBy, HandoffEventV1 } from '@intensify/contracts';
import { deadlineJobId, DeadlineJob, deadlineOf } from './deadline-jobs';
import { decideDeadline, DeadlineState } from './deadline.rule';
import { escalatedTo } from './escalation';

const due = '2026-10-06T12:00:00.000Z';
const before = new Date('2026-10-06T11:59:59.999Z');
const after = new Date('2026-10-06T12:00:00.000Z');
const job: DeadlineJob = { handoffId: 'h', deadlineSeq: 1, dueAt: due };
const raised: DeadlineState = { status: 'raised', overdue: false, deadlineSeq: 1 };

describe('decideDeadline', () => {
  it('waits until the deadline has passed, then marks a raised hand-off overdue', () => {
    expect(decideDeadline(job, raised, before)).toBe('not-yet-due');
    expect(decideDeadline(job, raised, after)).toBe('mark-overdue');
  });

  it('marks it once: an overdue, acknowledged or closed hand-off is left alone', () => {
    expect(decideDeadline(job, { ...raised, overdue: true }, after)).toBe('ignore');
    expect(decideDeadline(job, { ...raised, status: 'acknowledged' }, after)).toBe('ignore');
    expect(decideDeadline(job, { ...raised, status: 'closed' }, after)).toBe('ignore');
  });

  it('ignores a deadline replaced by a redirect, even before it is due', () => {
    expect(decideDeadline(job, { ...raised, deadlineSeq: 3 }, after)).toBe('ignore');
    expect(decideDeadline(job, { ...raised, deadlineSeq: 3 }, before)).toBe('ignore');
  });
});

describe('the acknowledgement deadline', () => {
  const found = new Date('2026-10-06T08:00:00.000Z');

  it('gives a child 24 hours and an adult 72, scaled by the length of an hour', () => {
    expect(acknowledgeBy(found, 'child', 3_600_000).toISOString()).toBe('2026-10-07T08:00:00.000Z');
    expect(acknowledgeBy(found, 'adult', 3_600_000).toISOString()).toBe('2026-10-09T08:00:00.000Z');
    expect(acknowledgeBy(found, 'child', 250).getTime() - found.getTime()).toBe(6000);
  });

  it('numbers a job by the event that started its deadline', () => {
    const event = { handoffId: 'h', seq: 4, acknowledgeBy: due } as HandoffEventV1;
    expect(deadlineOf(event)).toEqual({ handoffId: 'h', deadlineSeq: 4, dueAt: due });
    expect(deadlineJobId(deadlineOf(event))).toBe('acknowledge:h:4');
  });

  it('escalates to the home region and the NCLCC, to the NCLCC alone for BTP', () => {
    expect(escalatedTo('E23000001')).toEqual(['london', 'nclcc']);
    expect(escalatedTo('BTP')).toEqual(['nclcc']);
  });
});
