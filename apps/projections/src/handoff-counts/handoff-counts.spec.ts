import { HandoffEventV1, HandoffPosition } from '@intensify/contracts';
import {
  foldHandoffEvents,
  freshHandoffEvents,
  isWeekHandoff,
  toHandoffCounts,
  WeekHandoffEvent,
  zeroHandoffCounts,
} from './handoff-counts';
import { positionEvents } from '../read-models/position-events.fixture';

const LEICESTERSHIRE = 'E23000021';
const MET = 'E23000001';
const KENT = 'E23000032';

const event = positionEvents<HandoffPosition, WeekHandoffEvent>({
  handoffId: 'h1',
  operationId: 'op',
  foundForce: LEICESTERSHIRE,
  ageGroup: 'child',
  acknowledgeBy: '2026-10-06T12:00:00.000Z',
});

const at = (status: HandoffPosition['status'], homeForce = MET, overdue = false) => ({
  homeForce,
  status,
  overdue,
});

function countsOf(events: WeekHandoffEvent[], force: string) {
  return toHandoffCounts(foldHandoffEvents(events).get('op')?.get(force) ?? zeroHandoffCounts());
}

/** Raised for the Met, overdue, redirected to Kent, acknowledged and closed there. */
const LIFE = [
  event(1, at('raised'), null),
  event(2, at('raised', MET, true), at('raised')),
  event(3, at('raised', KENT), at('raised', MET, true)),
  event(4, at('acknowledged', KENT), at('raised', KENT)),
  event(5, at('closed', KENT), at('acknowledged', KENT)),
];

describe('hand-off counts', () => {
  it('counts a raised hand-off at its home force, and overdue on top while still raised', () => {
    const atMet = countsOf(LIFE.slice(0, 2), MET);
    expect(atMet).toEqual({ raised: 1, acknowledged: 0, closed: 0, overdue: 1 });
  });

  it('moves every count from the old home force to the new one with a redirect', () => {
    expect(countsOf(LIFE.slice(0, 3), MET)).toEqual(toHandoffCounts(zeroHandoffCounts()));
    const atKent = countsOf(LIFE.slice(0, 3), KENT);
    expect(atKent).toEqual({ raised: 1, acknowledged: 0, closed: 0, overdue: 0 });
    expect(countsOf(LIFE, KENT)).toEqual({ raised: 0, acknowledged: 0, closed: 1, overdue: 0 });
    expect(countsOf([...LIFE].reverse(), KENT)).toEqual(countsOf(LIFE, KENT));
  });

  it('drops overdue when an overdue hand-off is acknowledged, and keeps it acknowledged', () => {
    const late = [
      event(1, at('raised'), null),
      event(2, at('raised', MET, true), at('raised')),
      event(3, at('acknowledged', MET, false), at('raised', MET, true)),
    ];
    expect(countsOf(late, MET)).toEqual({ raised: 0, acknowledged: 1, closed: 0, overdue: 0 });
  });

  it('never counts overdue for a hand-off past raised, even if the event says overdue', () => {
    const odd = [event(1, at('acknowledged', MET, true), null)];
    expect(countsOf(odd, MET)).toMatchObject({ acknowledged: 1, overdue: 0 });
  });

  it('skips copies by sequence, in this batch and after earlier ones', () => {
    const applied = new Map<string, number>();
    const copies = [...LIFE.slice(0, 3), ...LIFE.slice(1, 3)];
    const fresh = freshHandoffEvents(copies, applied);
    expect(fresh.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(countsOf(fresh, KENT)).toMatchObject({ raised: 1 });
    expect(freshHandoffEvents(LIFE, applied).map((e) => e.seq)).toEqual([4, 5]);
    expect(applied.get('h1')).toBe(5);
  });

  it('keeps each hand-off apart when skipping copies', () => {
    const applied = new Map([['h1', 3]]);
    const other = event(1, at('raised', KENT), null, { handoffId: 'h2' });
    expect(freshHandoffEvents([LIFE[2], other], applied)).toEqual([other]);
  });

  it('counts hand-offs raised outside a week on no board', () => {
    const outside: HandoffEventV1 = { ...LIFE[0], operationId: null };
    expect([outside, LIFE[0]].filter(isWeekHandoff)).toEqual([LIFE[0]]);
  });
});
