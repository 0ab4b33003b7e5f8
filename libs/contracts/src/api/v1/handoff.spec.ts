import { validateHandoffAction, validateHandoffListQuery, validateRaiseHandoff } from './handoff';

const LEICESTERSHIRE = 'E23000021';
const MET = 'E23000001';
const NOW = new Date('2026-12-01T12:00:00Z');

const raise = (extra: object = {}) => ({
  foundForce: LEICESTERSHIRE,
  homeForce: MET,
  subjectRef: 'LEI-SG-00123',
  ageGroup: 'child',
  concerns: ['criminal-exploitation', 'missing'],
  foundAt: '2026-12-01T09:30:00+01:00',
  ...extra,
});

const fields = (r: { ok: boolean; errors?: { field: string }[] }) =>
  (r.errors ?? []).map((e) => e.field).sort();

describe('raising a hand-off', () => {
  it('accepts a complete body and normalizes foundAt to UTC', () => {
    const r = validateRaiseHandoff(raise({ note: 'found in a trap house' }), NOW);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ foundAt: '2026-12-01T08:30:00.000Z' }),
    });
  });

  it('names every bad field at once: shape, content and rules together', () => {
    const r = validateRaiseHandoff(
      raise({
        ageGroup: 'teen',
        subjectRef: 'SG-03-04-2011',
        note: 'mother on 07700 900123',
        foundAt: '2026-12-01T13:00:00Z',
        colour: 'red',
      }),
      NOW,
    );
    expect(fields(r)).toEqual(['ageGroup', 'colour', 'foundAt', 'note', 'subjectRef']);
  });

  it('refuses a home force equal to the found force, and a future foundAt beyond the skew', () => {
    expect(fields(validateRaiseHandoff(raise({ homeForce: LEICESTERSHIRE }), NOW))).toEqual([
      'homeForce',
    ]);
    expect(validateRaiseHandoff(raise({ foundAt: '2026-12-01T12:01:00Z' }), NOW).ok).toBe(true);
    expect(fields(validateRaiseHandoff(raise({ foundAt: '2026-12-01T12:05:00Z' }), NOW))).toEqual([
      'foundAt',
    ]);
  });

  it.each(['KAYDEN-01', 'JACK-SMITH-7', '2011-04-03-LEI', 'LEI-03042011', 'Jack Smith'])(
    'refuses a subjectRef that reads as a person or is no reference: %s',
    (subjectRef) => {
      expect(fields(validateRaiseHandoff(raise({ subjectRef }), NOW))).toEqual(['subjectRef']);
    },
  );

  it('names each refused field once, not again for its content', () => {
    const r = validateRaiseHandoff(raise({ note: 'x'.repeat(1001) }), NOW);
    expect(r.ok ? [] : r.errors).toHaveLength(1);
  });
});

describe('acting on a hand-off', () => {
  it('checks the owner is a reference and reasons and notes hold no personal data', () => {
    expect(validateHandoffAction('acknowledge', { owner: 'MET-PC-4411' }).ok).toBe(true);
    expect(fields(validateHandoffAction('acknowledge', { owner: 'PC-OLIVIA-1' }))).toEqual([
      'owner',
    ]);
    expect(
      fields(
        validateHandoffAction('redirect', { homeForce: 'E23000005', reason: 'call 01632 960001' }),
      ),
    ).toEqual(['reason']);
    expect(
      fields(
        validateHandoffAction('close', { outcome: 'visited', note: 'mail a.b@example.org', x: 1 }),
      ),
    ).toEqual(['note', 'x']);
  });
});

describe('listing hand-offs', () => {
  it('takes known filters once each and refuses the rest', () => {
    expect(validateHandoffListQuery({ homeForce: MET, overdue: 'true', limit: '20' }).ok).toBe(
      true,
    );
    expect(fields(validateHandoffListQuery({ overdue: 'yes', status: 'open', page: '2' }))).toEqual(
      ['overdue', 'page', 'status'],
    );
  });
});
