import { DECONFLICTION_ACTIONS, DECONFLICTION_STATUSES } from '@intensify/contracts';
import { statusAfter } from './alert-steps';

describe('deconfliction alert steps', () => {
  it('goes open → acknowledged → resolved, and nowhere from resolved', () => {
    expect(statusAfter('open', 'acknowledge')).toBe('acknowledged');
    expect(statusAfter('acknowledged', 'resolve')).toBe('resolved');
    for (const action of DECONFLICTION_ACTIONS) expect(statusAfter('resolved', action)).toBeNull();
  });

  it('refuses to acknowledge twice or to resolve what nobody acknowledged', () => {
    expect(statusAfter('acknowledged', 'acknowledge')).toBeNull();
    expect(statusAfter('open', 'resolve')).toBeNull();
  });

  it('hands an open or acknowledged alert to a region without changing its status', () => {
    const open = DECONFLICTION_STATUSES.filter((s) => s !== 'resolved');
    for (const s of open) expect(statusAfter(s, 'hand-to-region')).toBe(s);
  });
});
