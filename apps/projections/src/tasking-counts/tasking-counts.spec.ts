import { TaskingEventV1, TaskingPosition } from '@intensify/contracts';
import {
  foldTaskingEvents,
  freshTaskingEvents,
  toTaskingCounts,
  zeroCounts,
} from './tasking-counts';
import { positionEvents } from '../read-models/position-events.fixture';

const MERSEYSIDE = 'E23000004';
const MET = 'E23000001';

const event = positionEvents<TaskingPosition, TaskingEventV1>({
  operationId: 'op',
  taskingId: 't1',
  priority: 'P1',
  dueAt: '2026-10-06T12:00:00.000Z',
});

const at = (status: TaskingPosition['status'], overdue = false, force = MERSEYSIDE) => ({
  force,
  status,
  overdue,
});

/** A tasking's life: issued, acknowledged, overdue, reassigned to the Met, then cancelled there. */
const LIFE = [
  event(1, at('issued'), null),
  event(2, at('acknowledged'), at('issued')),
  event(3, at('acknowledged', true), at('acknowledged')),
  event(4, at('issued', false, MET), at('acknowledged', true)),
  event(5, at('in-progress', false, MET), at('issued', false, MET)),
];

function countsOf(events: TaskingEventV1[], force: string) {
  return toTaskingCounts(foldTaskingEvents(events).get('op')?.get(force) ?? zeroCounts());
}

describe('tasking counts', () => {
  it('counts each tasking in exactly one status bucket, overdue on top while open', () => {
    expect(countsOf(LIFE.slice(0, 3), MERSEYSIDE)).toEqual({
      issued: 0,
      acknowledged: 1,
      inProgress: 0,
      completed: 0,
      declined: 0,
      overdue: 1,
    });
  });

  it('moves the counts with a reassignment, and sums the same in any order', () => {
    expect(countsOf(LIFE, MERSEYSIDE)).toEqual(toTaskingCounts(zeroCounts()));
    expect(countsOf(LIFE, MET)).toMatchObject({ inProgress: 1, issued: 0, overdue: 0 });
    expect(countsOf([...LIFE].reverse(), MET)).toEqual(countsOf(LIFE, MET));
  });

  it('drops a finished tasking from overdue but keeps it in its final bucket', () => {
    const done = [
      event(1, at('in-progress', true), null),
      event(2, at('completed', true), at('in-progress', true)),
    ];
    expect(countsOf(done, MERSEYSIDE)).toMatchObject({ completed: 1, inProgress: 0, overdue: 0 });
  });

  it('skips copies by sequence, in this batch and after earlier ones', () => {
    const applied = new Map<string, number>();
    expect(freshTaskingEvents([...LIFE.slice(0, 3), ...LIFE.slice(1, 3)], applied)).toHaveLength(3);
    expect(freshTaskingEvents(LIFE, applied).map((e) => e.seq)).toEqual([4, 5]);
  });
});
