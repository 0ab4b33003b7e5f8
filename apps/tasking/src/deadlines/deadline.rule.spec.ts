import { TaskingIssueV1 } from '@intensify/contracts';
import { DeadlineJob, deadlineJobId, deadlinesOf } from './deadline-jobs';
import { decideDeadline, DeadlineState } from './deadline.rule';

const due = '2026-10-06T12:00:00.000Z';
const before = new Date('2026-10-06T11:59:59.999Z');
const after = new Date('2026-10-06T12:00:00.000Z');
const reminder: DeadlineJob = { kind: 'reminder', taskingId: 't', issueSeq: 1, dueAt: due };
const overdue: DeadlineJob = { ...reminder, kind: 'overdue' };
const issued: DeadlineState = {
  status: 'issued',
  overdue: false,
  issueSeq: 1,
  remindedIssueSeq: null,
};

describe('decideDeadline', () => {
  it('waits until the deadline has passed', () => {
    expect(decideDeadline(reminder, issued, before)).toBe('not-yet-due');
    expect(decideDeadline(reminder, issued, after)).toBe('remind');
    expect(decideDeadline(overdue, issued, after)).toBe('mark-overdue');
  });

  it('reminds only a tasking still waiting for acknowledgement, once per issue', () => {
    expect(decideDeadline(reminder, { ...issued, status: 'acknowledged' }, after)).toBe('ignore');
    expect(decideDeadline(reminder, { ...issued, remindedIssueSeq: 1 }, after)).toBe('ignore');
    expect(decideDeadline(reminder, { ...issued, issueSeq: 2, remindedIssueSeq: 1 }, after)).toBe(
      'ignore',
    );
  });

  it('marks an open tasking overdue once, in progress included, and nothing finished', () => {
    expect(decideDeadline(overdue, { ...issued, status: 'in-progress' }, after)).toBe(
      'mark-overdue',
    );
    expect(decideDeadline(overdue, { ...issued, overdue: true }, after)).toBe('ignore');
    for (const status of ['completed', 'declined', 'cancelled'] as const)
      expect(decideDeadline(overdue, { ...issued, status }, after)).toBe('ignore');
  });

  it('ignores the deadlines of an issue replaced by a reassignment', () => {
    expect(decideDeadline(overdue, { ...issued, issueSeq: 2 }, after)).toBe('ignore');
  });
});

describe('deadlinesOf', () => {
  it('scales the acknowledgement window by the minute length and keeps dueAt absolute', () => {
    const issue = {
      taskingId: 't',
      issueSeq: 2,
      issuedAt: '2026-10-06T10:00:00.000Z',
      acknowledgeWithinMinutes: 5,
      dueAt: due,
    } as TaskingIssueV1;
    expect(deadlinesOf(issue, 200)).toEqual([
      { kind: 'reminder', taskingId: 't', issueSeq: 2, dueAt: '2026-10-06T10:00:01.000Z' },
      { kind: 'overdue', taskingId: 't', issueSeq: 2, dueAt: due },
    ]);
    expect(deadlinesOf(issue, 60_000)[0].dueAt).toBe('2026-10-06T10:05:00.000Z');
    expect(deadlineJobId(deadlinesOf(issue, 200)[1])).toBe('overdue:t:2');
  });
});
