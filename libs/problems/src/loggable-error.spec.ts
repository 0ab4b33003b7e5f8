import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';

function pgError(code: string, message: string, detail: string): Error {
  return Object.assign(new Error(message), { code, detail, severity: 'ERROR' });
}

describe('loggableError', () => {
  it('logs a failed query by its SQLSTATE and message, never its parameters or values', () => {
    const e = new QueryFailedError(
      'INSERT INTO line_numbers (number) VALUES ($1)',
      ['07700900123'],
      pgError(
        '23505',
        'duplicate key value violates unique constraint "line_numbers_pkey"',
        'Key (number)=(07700900123) already exists.',
      ),
    );
    const line = loggableError(e);
    expect(line).toBe(
      'database error 23505: duplicate key value violates unique constraint "line_numbers_pkey"',
    );
    expect(line).not.toContain('07700900123');
    expect(line).not.toContain('INSERT');
  });

  it('hides the value a data exception quotes', () => {
    const e = new QueryFailedError(
      'SELECT 1 WHERE id = $1',
      ['07700900123'],
      pgError('22P02', 'invalid input syntax for type uuid: "07700900123"', ''),
    );
    expect(loggableError(e)).toBe(
      'database error 22P02: invalid input syntax for type uuid: "[redacted]"',
    );
  });

  it('keeps the stack of any other error', () => {
    const e = new TypeError('x is undefined');
    expect(loggableError(e)).toContain('TypeError: x is undefined');
    expect(loggableError(e)).toContain('loggable-error.spec');
  });
});
