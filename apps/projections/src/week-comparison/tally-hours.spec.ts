import { ArrestOutcome, SafeguardingOutcome } from '@intensify/contracts';
import { arrest, outcomeRecorded, outcomeRetracted } from '../read-models/outcome-events.fixture';
import { comparisonFigures } from './comparison-figures';
import { foldTallyHours } from './tally-hours.apply';

const MET = 'E23000001';
const KENT = 'E23000032';

const cells = (events: Parameters<typeof foldTallyHours>[0]) =>
  foldTallyHours(events).map(
    (c) =>
      `${c.force} ${c.hour} arrests=${c.delta.arrests} safeguarded=${comparisonFigures(c.delta).safeguarded}`,
  );

describe('figures per hour', () => {
  it('adds figures (not outcomes) in the hour of occurredAt', () => {
    const a: ArrestOutcome = arrest({ force: MET, occurredAt: '2026-10-06T10:15:00Z', count: 3 });
    const b: ArrestOutcome = arrest({ force: MET, occurredAt: '2026-10-06T10:45:00Z', count: 4 });
    const s: SafeguardingOutcome = {
      type: 'safeguarding',
      force: MET,
      occurredAt: '2026-10-06T11:05:00Z',
      children: 2,
      adults: 5,
      nrmReferrals: 0,
      cuckooedAddressesVisited: 0,
    };
    expect(
      cells([
        outcomeRecorded({ current: a }),
        outcomeRecorded({ current: b }),
        outcomeRecorded({ current: s }),
      ]),
    ).toEqual([
      `${MET} 2026-10-06T10:00:00.000Z arrests=7 safeguarded=0`,
      `${MET} 2026-10-06T11:00:00.000Z arrests=0 safeguarded=7`,
    ]);
  });

  it('moves a correction to its new hour and force, and takes a retraction away', () => {
    const first = arrest({ force: MET, occurredAt: '2026-10-06T10:15:00Z', count: 3 });
    const moved = arrest({ force: KENT, occurredAt: '2026-10-06T12:15:00Z', count: 5 });
    const corrected = [
      outcomeRecorded({ current: first }),
      outcomeRecorded({ version: 2, current: moved, previous: first }),
    ];
    expect(cells(corrected)).toEqual([`${KENT} 2026-10-06T12:00:00.000Z arrests=5 safeguarded=0`]);
    expect(cells([...corrected, outcomeRetracted({ version: 2, previous: moved })])).toEqual([]);
  });
});
