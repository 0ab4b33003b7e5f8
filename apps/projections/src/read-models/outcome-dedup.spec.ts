import { ConsumedEvent } from '@intensify/messaging';
import { arrest, consumed, outcomeRecorded, outcomeRetracted } from './outcome-events.fixture';
import { freshOutcomeEvents, OutcomeState } from './outcome-dedup';

const recorded = (outcomeId: string, version: number): ConsumedEvent =>
  outcomeRecorded({
    outcomeId,
    version,
    current: arrest({ count: version }),
    previous: version > 1 ? arrest({ count: version - 1 }) : null,
  });
const retracted = (outcomeId: string, version: number): ConsumedEvent =>
  outcomeRetracted({ outcomeId, version, previous: arrest({ count: version }) });

describe('freshOutcomeEvents', () => {
  it('skips a republished run of events (relay crash between send and mark)', () => {
    const run = [recorded('a', 1), recorded('a', 2), recorded('b', 1)];
    const state = new Map<string, OutcomeState>();
    const fresh = freshOutcomeEvents([...run, ...run], state);
    expect(fresh).toEqual(run);
    expect(state.get('a')).toEqual({ version: 2, retracted: false });
  });

  it('skips copies seen in earlier batches, through the stored state', () => {
    const state = new Map<string, OutcomeState>([['a', { version: 2, retracted: false }]]);
    expect(freshOutcomeEvents([recorded('a', 1), recorded('a', 2)], state)).toEqual([]);
    expect(freshOutcomeEvents([recorded('a', 3)], state)).toHaveLength(1);
  });

  it('applies a retraction once and nothing for the outcome after it', () => {
    const state = new Map<string, OutcomeState>();
    const fresh = freshOutcomeEvents(
      [recorded('a', 1), retracted('a', 1), retracted('a', 1), recorded('a', 1)],
      state,
    );
    expect(fresh.map((e) => e.event.type)).toEqual(['outcome.recorded', 'outcome.retracted']);
    expect(state.get('a')).toEqual({ version: 1, retracted: true });
  });

  it('passes the events of other read models as they are', () => {
    const created = consumed('operation.created', { operationId: 'op' });
    const state = new Map<string, OutcomeState>([['a', { version: 1, retracted: false }]]);
    expect(freshOutcomeEvents([recorded('a', 1), created, created], state)).toEqual([
      created,
      created,
    ]);
  });
});
