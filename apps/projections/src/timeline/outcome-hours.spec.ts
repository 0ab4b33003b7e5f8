import { Outcome } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import {
  arrest as anArrest,
  outcomeRecorded,
  outcomeRetracted,
} from '../read-models/outcome-events.fixture';
import { foldOutcomeHours, hourOf } from './outcome-hours';

const MET = 'E23000001';
const KENT = 'E23000032';
const arrest = (force: string, occurredAt: string) => anArrest({ force, occurredAt, count: 2 });
const recorded = (current: Outcome, previous: Outcome | null = null) =>
  outcomeRecorded({ current, previous });
const retracted = (previous: Outcome) => outcomeRetracted({ version: 2, previous });

const cells = (events: ConsumedEvent[]) =>
  [...foldOutcomeHours(events).values()].map((c) => `${c.force} ${c.hour} ${c.type} ${c.delta}`);

describe('outcomes per hour', () => {
  it('buckets by the UTC hour of occurredAt, whatever offset it was given in', () => {
    expect(hourOf('2026-10-06T10:59:59.999+01:00')).toBe('2026-10-06T09:00:00.000Z');
    expect(hourOf('2026-10-06T10:00:00Z')).toBe('2026-10-06T10:00:00.000Z');
  });

  it('reads the hour of a UTC time off its text exactly as a Date would', () => {
    const viaDate = (s: string) => {
      const d = new Date(s);
      d.setUTCMinutes(0, 0, 0);
      return d.toISOString();
    };
    for (const s of [
      '2026-10-06T00:00:00Z',
      '2026-10-06T23:59:59.999Z',
      '2026-12-31T23:30:00.5Z',
      '2028-02-29T09:05:07.123456Z',
      '2026-10-06T10:59:59.999+01:00',
      '2026-10-06T10:59:59-00:30',
    ]) {
      expect(hourOf(s)).toBe(viaDate(s));
    }
  });

  it('counts an outcome once in its hour, however many units it holds', () => {
    const a = arrest(MET, '2026-10-06T10:15:00Z');
    const b = arrest(MET, '2026-10-06T10:45:00Z');
    expect(cells([recorded(a), recorded(b)])).toEqual([`${MET} 2026-10-06T10:00:00.000Z arrest 2`]);
  });

  it('moves a corrected outcome to its new hour and force, and drops a retracted one', () => {
    const first = arrest(MET, '2026-10-06T10:15:00Z');
    const moved = arrest(KENT, '2026-10-06T12:15:00Z');
    expect(cells([recorded(first), recorded(moved, first)])).toEqual([
      `${KENT} 2026-10-06T12:00:00.000Z arrest 1`,
    ]);
    expect(cells([recorded(first), recorded(moved, first), retracted(moved)])).toEqual([]);
  });

  it('gives the same counts in any order (a correction read before its first version)', () => {
    const first = arrest(MET, '2026-10-06T10:15:00Z');
    const moved = arrest(KENT, '2026-10-06T12:15:00Z');
    const inOrder = cells([recorded(first), recorded(moved, first)]);
    expect(cells([recorded(moved, first), recorded(first)])).toEqual(inOrder);
  });
});
