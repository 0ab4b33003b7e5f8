import { dueForErasure, erasedDetails, retentionCutoff } from './retention.rule';

const now = new Date('2027-10-06T12:00:00.000Z');
const closed = (iso: string) => ({ closedAt: new Date(iso), subjectErasedAt: null });

describe('retention of a closed hand-off', () => {
  it('keeps the subject for the period after closing, then erases it', () => {
    expect(dueForErasure(closed('2026-10-06T12:00:00.001Z'), now, 365)).toBe(false);
    expect(dueForErasure(closed('2026-10-06T11:59:59.999Z'), now, 365)).toBe(true);
  });

  it('accepts fractions of a day, as the tests use', () => {
    expect(retentionCutoff(now, 0.5).toISOString()).toBe('2027-10-06T00:00:00.000Z');
    expect(dueForErasure(closed('2027-10-06T11:59:58.000Z'), now, 1 / 86_400)).toBe(true);
    expect(dueForErasure(closed('2027-10-06T11:59:59.500Z'), now, 1 / 86_400)).toBe(false);
  });

  it('never erases an open hand-off or one already erased', () => {
    expect(dueForErasure({ closedAt: null, subjectErasedAt: null }, now, 0.001)).toBe(false);
    const erased = { closedAt: new Date('2020-01-01'), subjectErasedAt: new Date('2021-01-01') };
    expect(dueForErasure(erased, now, 1)).toBe(false);
  });

  it('takes owner, note and reason out of the history and keeps the rest', () => {
    expect(
      erasedDetails({ owner: 'MET-SG-1', outcome: 'visited', note: 'n', reason: 'r', from: 'X' }),
    ).toEqual({ outcome: 'visited', from: 'X' });
  });
});
