import { Response } from 'express';
import { validateReason } from '@intensify/contracts';
import { answerOnce, checkedBy, requireIdempotencyKey } from './internal-write';
import { ProblemError } from './problem.error';

function problemOf(run: () => unknown): ProblemError {
  try {
    run();
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error('no problem was raised');
}

describe('internal writes', () => {
  it('passes a valid body on and answers 400 naming each bad field', () => {
    const pipe = checkedBy(validateReason);
    expect(pipe.transform({ reason: 'late return' }, { type: 'body' })).toEqual({
      reason: 'late return',
    });
    const problem = problemOf(() => pipe.transform({ reason: '', extra: 1 }, { type: 'body' }));
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.field)).toContain('reason');
  });

  it('requires a printable Idempotency-Key', () => {
    expect(requireIdempotencyKey('k-1')).toBe('k-1');
    for (const bad of [undefined, '', 'a\u0007b'])
      expect(problemOf(() => requireIdempotencyKey(bad)).status).toBe(400);
  });

  it('answers a replay 200 and a first write with its own status', () => {
    const statuses: number[] = [];
    const res = { status: (s: number) => statuses.push(s) } as unknown as Response;
    expect(answerOnce(res, { replayed: false, body: 'first' }, 202)).toBe('first');
    expect(answerOnce(res, { replayed: true, body: 'again' }, 201)).toBe('again');
    expect(statuses).toEqual([202, 200]);
  });
});
