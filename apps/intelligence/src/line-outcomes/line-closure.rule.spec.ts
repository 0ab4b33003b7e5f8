import { Outcome } from '@intensify/contracts';
import { closes, closureReported } from './line-closure.rule';

const LINE = '6f1c1f43-8d53-4c8e-9f3b-2a8d4b1e5c10';
const line = (action: string, lineId?: string) =>
  ({
    type: 'line',
    force: 'E23000001',
    occurredAt: '2026-11-02T10:00:00Z',
    action,
    ddtroApplied: 0,
    ddtroGranted: 0,
    ...(lineId !== undefined && { lineId }),
  }) as Outcome;

describe('a reported line closure', () => {
  it('closes the named register line with the closure type the action gives', () => {
    expect(closureReported(line('closed-type1', LINE))).toEqual({
      lineId: LINE,
      closureType: 'type1',
    });
    expect(closureReported(line('closed-type2', LINE.toUpperCase()))).toEqual({
      lineId: LINE,
      closureType: 'type2',
    });
  });

  it('is nothing for other actions, other types, no line or an old free-text reference', () => {
    expect(closureReported(line('disrupted', LINE))).toBeNull();
    expect(closureReported(line('closed-type1'))).toBeNull();
    expect(closureReported(line('closed-type1', 'LINE-77'))).toBeNull();
    const arrest = {
      type: 'arrest',
      force: 'E23000001',
      occurredAt: '2026-11-02T10:00:00Z',
      count: 1,
      lineId: LINE,
    };
    expect(closureReported(arrest as unknown as Outcome)).toBeNull();
  });

  it('changes an open line only: a closed line keeps its first closure', () => {
    expect(closes({ status: 'active' })).toBe(true);
    expect(closes({ status: 'dormant' })).toBe(true);
    expect(closes({ status: 'closed' })).toBe(false);
  });
});
