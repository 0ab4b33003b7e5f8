import { decideProviderDeadline } from './provider-deadline.rule';

const deadline = new Date('2026-11-30T10:00:00.000Z');
const job = { ddtroId: 'd', deadline: deadline.toISOString() };
const granted = { status: 'granted' as const, overdue: false, deadline };

describe('provider deadline rule', () => {
  it('marks a granted order overdue once its deadline has passed, once', () => {
    expect(decideProviderDeadline(job, granted, new Date('2026-11-30T09:59:59.999Z'))).toBe(
      'not-yet-due',
    );
    expect(decideProviderDeadline(job, granted, deadline)).toBe('mark-overdue');
    expect(decideProviderDeadline(job, { ...granted, overdue: true }, deadline)).toBe('ignore');
  });

  it('ignores orders the provider actioned, refused ones and another deadline', () => {
    expect(decideProviderDeadline(job, { ...granted, status: 'provider-actioned' }, deadline)).toBe(
      'ignore',
    );
    expect(decideProviderDeadline(job, { ...granted, status: 'refused' }, deadline)).toBe('ignore');
    expect(decideProviderDeadline(job, { ...granted, deadline: new Date(0) }, deadline)).toBe(
      'ignore',
    );
  });
});
