/** The one-value schemas answers are made of (their own module keeps route files' imports short). */
export const int = { type: 'integer', minimum: 0 };
export const str = { type: 'string' };
export const bool = { type: 'boolean' };
export const uuid = { type: 'string', format: 'uuid' };
export const dateTime = { type: 'string', format: 'date-time' };
