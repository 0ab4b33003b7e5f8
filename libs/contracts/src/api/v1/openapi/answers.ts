import { ErrorCode } from '../problem';
import { Answer, Parameter } from './route';
import { ref } from './schema-builders';

export const ok = (schema: object, description = 'OK'): Answer => ({ description, schema });

/** A problem answer whose `code` is one of `codes`. */
export const problem = (description: string, codes: (ErrorCode | 'rate_limited')[]): Answer => ({
  description,
  contentType: 'application/problem+json',
  schema: { allOf: [ref('Problem'), { properties: { code: { enum: codes } } }] },
});

export const notFound = (what: string): Answer => problem(`No such ${what}`, ['not_found']);

export const eventStream = (description: string): Answer => ({
  description,
  contentType: 'text/event-stream',
  schema: { type: 'string' },
});

export const csvFile = (description: string): Answer => ({
  description,
  contentType: 'text/csv',
  schema: { type: 'string' },
});

export const pathId = (name = 'id'): Parameter => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
});

export const query = (name: string, schema: object, description?: string): Parameter => ({
  name,
  in: 'query',
  schema,
  ...(description && { description }),
});

export const idempotencyKey: Parameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: true,
  description:
    'Same key and same body again: the first answer again (200), counted once. Same key, another body: 409 `idempotency_conflict`.',
  schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7e]+$' },
};

export const pageParams: Parameter[] = [
  query('cursor', { type: 'string', minLength: 1, maxLength: 100 }),
  query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }),
];

/**
 * What every CSV import documents alike: its body, the 413 beyond `limits` and the 415 for
 * another content type, and the opening rules of its description (`rowsAre` leads the header rule).
 */
export const csvImport = (
  limits: { bytes: number; rows: number },
  columns: { required: readonly string[]; all: readonly string[] },
  rowsAre = '',
) => ({
  body: { schema: { type: 'string' }, contentType: 'text/csv' },
  tooLarge: problem(`The file is over ${limits.bytes / 1024 / 1024} MiB or ${limits.rows} rows`, [
    'payload_too_large',
  ]),
  notCsv: problem('Not `text/csv`', ['unsupported_media_type']),
  rules: [
    `Content-Type \`text/csv\`, UTF-8, at most ${limits.bytes / 1024 / 1024} MiB and ${limits.rows} rows (413 beyond).`,
    `${rowsAre}The first row is the header; columns may come in any order; unknown or repeated columns, or missing required ones, reject the whole file (400).`,
    `Required columns: ${columns.required.join(', ')}. All columns: ${columns.all.join(', ')}.`,
  ],
});
