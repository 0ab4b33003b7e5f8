import { occurredAtError } from './occurred-at.rule';

describe('occurredAtError', () => {
  const week = {
    startsAt: new Date('2026-10-05T00:00:00Z'),
    endsAt: new Date('2026-10-11T23:59:59Z'),
  };
  const now = new Date('2026-10-08T12:00:00Z');

  it('accepts the first and last instants of the week', () => {
    expect(occurredAtError('2026-10-05T00:00:00Z', week, now, 0)).toBeNull();
    expect(occurredAtError('2026-10-08T12:00:00Z', week, now, 0)).toBeNull();
  });

  it('compares instants, not local times', () => {
    expect(occurredAtError('2026-10-05T01:00:00+01:00', week, now, 0)).toBeNull();
    expect(occurredAtError('2026-10-05T00:59:59+01:00', week, now, 0)?.field).toBe('occurredAt');
  });

  it('rejects times outside the week', () => {
    expect(occurredAtError('2026-10-04T23:59:59Z', week, now, 0)?.message).toMatch(
      /within the operation's week/,
    );
    expect(
      occurredAtError('2026-10-12T00:00:00Z', week, new Date('2026-10-20T00:00:00Z'), 0)?.field,
    ).toBe('occurredAt');
  });

  it('rejects the future beyond the allowed clock skew', () => {
    expect(occurredAtError('2026-10-08T12:01:00Z', week, now, 120_000)).toBeNull();
    expect(occurredAtError('2026-10-08T12:03:00Z', week, now, 120_000)?.message).toBe(
      'must not be in the future',
    );
  });
});
