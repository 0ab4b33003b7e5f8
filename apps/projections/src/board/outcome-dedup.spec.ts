import { Outcome } from '@intensify/contracts';
import { ConsumedEvent } from '@intensify/messaging';
import { freshOutcomeEvents, OutcomeState } from './outcome-dedup';

const at = '2026-10-06T10:00:00.000Z';
const body = (count: number): Outcome => ({
  type: 'arrest',
  force: 'BTP',
  occurredAt: at,
  count,
  under18: 0,
  charged: 0,
});

function recorded(id: string, version: number): ConsumedEvent {
  return event(id, 'outcome.recorded', {
    outcomeId: id,
    operationId: 'op',
    version,
    current: body(version),
    previous: version > 1 ? body(version - 1) : null,
  });
}
function retracted(id: string, version: number): ConsumedEvent {
  return event(id, 'outcome.retracted', {
    outcomeId: id,
    operationId: 'op',
    version,
    previous: body(version),
    reason: 'r',
  });
}
function event(id: string, type: string, payload: object): ConsumedEvent {
  return {
    topic: 't',
    partition: 0,
    offset: '0',
    event: {
      id: `${id}-${type}`,
      type,
      version: 1,
      aggregateId: id,
      occurredAt: at,
      recordedAt: at,
      actor: { sub: 's', role: 'nclcc' },
      correlationId: 'c',
      payload,
    },
  };
}

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
});
