import { FocusLines } from '@intensify/contracts';
import { withOverrideReasonsFor } from './focus-override-reasons';

const focus: FocusLines = {
  operationId: 'w',
  lineIds: [],
  focusForces: ['E23000006'],
  setAt: '2026-10-06T10:00:00.000Z',
  lineForces: [],
  overrides: [
    {
      force: 'E23000006',
      focus: true,
      reasonCode: 'capacity',
      reason: 'Mutual aid agreed',
      by: { sub: 'planner', role: 'nclcc' },
      at: '2026-10-06T10:00:00.000Z',
    },
  ],
};

describe('focus override reasons', () => {
  it('gives the reason and who gave it to the NCLCC only', () => {
    expect(withOverrideReasonsFor({ sub: 'n', role: 'nclcc' }, focus)).toBe(focus);
    const regional = withOverrideReasonsFor(
      { sub: 'r', role: 'regional', region: 'london' },
      focus,
    );
    expect(regional.overrides).toEqual([
      { force: 'E23000006', focus: true, reasonCode: 'capacity', at: '2026-10-06T10:00:00.000Z' },
    ]);
    expect(regional.focusForces).toEqual(focus.focusForces);
  });
});
