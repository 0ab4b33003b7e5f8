import { TASKING_STATUSES, TASKING_TRANSITIONS, TaskingStatus } from '@intensify/contracts';
import { nextStatus } from './tasking-state-machine';

/** Every (status, transition) pair that is allowed, and where it leads; all others are illegal. */
const LEGAL: Record<string, TaskingStatus> = {
  'issued acknowledge': 'acknowledged',
  'acknowledged start': 'in-progress',
  'in-progress complete': 'completed',
  'issued decline': 'declined',
  'acknowledged decline': 'declined',
  'issued cancel': 'cancelled',
  'acknowledged cancel': 'cancelled',
  'in-progress cancel': 'cancelled',
  'issued reassign': 'issued',
  'acknowledged reassign': 'issued',
  'in-progress reassign': 'issued',
};

describe('tasking state machine', () => {
  const pairs = TASKING_STATUSES.flatMap((s) => TASKING_TRANSITIONS.map((t) => [s, t] as const));

  it.each(pairs)('%s + %s', (status, transition) => {
    expect(nextStatus(status, transition)).toBe(LEGAL[`${status} ${transition}`] ?? null);
  });

  it('lets nothing leave completed, declined or cancelled', () => {
    for (const s of ['completed', 'declined', 'cancelled'] as const)
      expect(TASKING_TRANSITIONS.map((t) => nextStatus(s, t)).every((n) => n === null)).toBe(true);
  });
});
