import { isTransientError } from './transient-error';

describe('isTransientError', () => {
  it('retries what is about reaching a server', () => {
    expect(
      isTransientError({
        code: '57P01',
        message: 'terminating connection due to administrator command',
      }),
    ).toBe(true);
    expect(isTransientError({ code: '08006' })).toBe(true);
    expect(isTransientError({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError({ name: 'KafkaJSConnectionError', message: 'x' })).toBe(true);
  });

  it('sets aside what is about the data', () => {
    expect(isTransientError({ code: '22003', message: 'numeric value out of range' })).toBe(false);
    expect(isTransientError({ code: '23505' })).toBe(false);
    expect(
      isTransientError(new TypeError("Cannot read properties of undefined (reading 'force')")),
    ).toBe(false);
  });
});
