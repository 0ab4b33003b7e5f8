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
