// @ts-expect-error -- a browser ES module of the DDTRO desk, without type declarations
import { deadlineState } from '../../public/ddtros/deadline.js';
// @ts-expect-error -- a browser ES module of the deconfliction inbox, without type declarations
import { lastStep, stepsFor } from '../../public/deconfliction/alert-steps.js';

const HOUR = 3_600_000;

describe('the DDTRO desk’s provider deadlines', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const granted = (inHours: number, providerOverdue = false) => ({
    status: 'granted',
    providerOverdue,
    providerDeadline: new Date(now + inHours * HOUR).toISOString(),
  });

  it('marks a granted order on time, due within its last day, and overdue once passed', () => {
    expect(deadlineState(granted(48), now)).toBe('on-time');
    expect(deadlineState(granted(5), now)).toBe('due');
    expect(deadlineState(granted(-1), now)).toBe('overdue');
    expect(deadlineState(granted(48, true), now)).toBe('overdue');
  });

  it('has no deadline running for orders not granted', () => {
    expect(deadlineState({ ...granted(-1), status: 'provider-actioned' }, now)).toBeNull();
    expect(deadlineState({ status: 'applied', providerOverdue: false }, now)).toBeNull();
  });
});

describe('the deconfliction inbox’s steps', () => {
  const nclcc = { role: 'nclcc' };
  const eastern = { role: 'regional', region: 'eastern' };
  const alert = (status: string, region: string | null = null) => ({ status, region });

  it('offers the NCLCC the next step and handing to a region until resolved', () => {
    expect(stepsFor(alert('open'), nclcc)).toEqual(['acknowledge', 'hand-to-region']);
    expect(stepsFor(alert('acknowledged'), nclcc)).toEqual(['resolve', 'hand-to-region']);
    expect(stepsFor(alert('resolved'), nclcc)).toEqual([]);
  });

  it('offers a region only the alerts handed to it, never handing on', () => {
    expect(stepsFor(alert('open'), eastern)).toEqual([]);
    expect(stepsFor(alert('open', 'london'), eastern)).toEqual([]);
    expect(stepsFor(alert('open', 'eastern'), eastern)).toEqual(['acknowledge']);
  });

  it('names the latest step taken, with who took it', () => {
    const a = {
      raisedAt: '2026-12-01T09:00:00Z',
      handedAt: '2026-12-01T10:00:00Z',
      handedBy: { sub: 'n1', role: 'nclcc' },
      acknowledgedAt: '2026-12-01T11:00:00Z',
      acknowledgedBy: { sub: 'r1', role: 'regional', region: 'eastern' },
    };
    expect(lastStep(a)).toEqual({
      name: 'Acknowledged',
      at: a.acknowledgedAt,
      by: 'r1 (regional, eastern)',
    });
    expect(lastStep({ raisedAt: a.raisedAt })).toEqual({ name: 'Raised', at: a.raisedAt, by: '' });
  });
});
