import { judgeCandidate, ReplacementCandidate } from './replacement-candidate';

const alertId = '3f1c1c4e-8f5e-4a57-9a51-2a0f7c4d9b10';
const order = '9d0f6a0e-1c3b-4f43-8d0a-5b7f2c3e4a11';
const candidate: ReplacementCandidate = {
  id: alertId,
  line_id: 'l',
  number: '07700900123',
  ddtro_id: null,
  number_status: 'active',
  first_seen_at: new Date(),
  open_order: null,
  writable: true,
};

describe('judging a replacement alert for a batch application', () => {
  it('applies for an active number with no order in hand', () => {
    expect(judgeCandidate(alertId, candidate)).toBe('apply');
  });

  it('applies each alert once: an earlier order from it, or one on its number, answers instead', () => {
    expect(judgeCandidate(alertId, { ...candidate, ddtro_id: order })).toEqual({
      alertId,
      outcome: 'already-applied',
      ddtroId: order,
    });
    expect(judgeCandidate(alertId, { ...candidate, open_order: order })).toEqual({
      alertId,
      outcome: 'already-applied',
      ddtroId: order,
    });
  });

  it('names a number no longer active, and hides alerts outside the caller’s scope', () => {
    expect(judgeCandidate(alertId, { ...candidate, number_status: 'cut-off' })).toMatchObject({
      outcome: 'not-applicable',
      reason: expect.stringContaining('cut-off'),
    });
    expect(judgeCandidate(alertId, undefined)).toEqual({ alertId, outcome: 'not-found' });
    expect(judgeCandidate(alertId, { ...candidate, writable: false })).toEqual({
      alertId,
      outcome: 'not-found',
    });
  });
});
