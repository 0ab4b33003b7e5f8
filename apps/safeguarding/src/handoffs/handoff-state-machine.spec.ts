import { HANDOFF_ACTIONS, HANDOFF_STATUSES, HandoffStatus } from '@intensify/contracts';
import { nextStatus } from './handoff-state-machine';

/** Every (status, action) pair that is allowed, and where it leads; all others are illegal. */
const LEGAL: Record<string, HandoffStatus> = {
  'raised acknowledge': 'acknowledged',
  'raised redirect': 'raised',
  'acknowledged redirect': 'raised',
  'acknowledged close': 'closed',
};

describe('hand-off state machine', () => {
  const pairs = HANDOFF_STATUSES.flatMap((s) => HANDOFF_ACTIONS.map((a) => [s, a] as const));

  it.each(pairs)('%s + %s', (status, action) => {
    expect(nextStatus(status, action)).toBe(LEGAL[`${status} ${action}`] ?? null);
  });

  it('lets nothing leave closed', () => {
    expect(HANDOFF_ACTIONS.map((a) => nextStatus('closed', a))).toEqual([null, null, null]);
  });
});
