import { PURPOSE_HEADER, PURPOSE_MAX_LENGTH } from './access-log';
import { errors, pageOf, pageParams, problemResponse, ref } from './openapi-helpers';

const strings = { type: 'array', items: { type: 'string' } };

/** The header every read of person-level data needs; documented on the routes that take it. */
export const PURPOSE_PARAM = {
  name: PURPOSE_HEADER,
  in: 'header',
  required: true,
  description:
    'Why you read this person-level data (logged with who, when and what, as s.62 of the Data Protection Act 2018 requires). Event streams take `?purpose=` instead.',
  schema: { type: 'string', minLength: 1, maxLength: PURPOSE_MAX_LENGTH },
};

export const purposeRequired = problemResponse(
  '`purpose_required` (no `X-Purpose` header, or one over 200 characters) or `validation_failed`',
);

export function accessLogComponents(): Record<string, object> {
  return {
    AccessLogEntry: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        at: { type: 'string', format: 'date-time' },
        who: {
          type: 'object',
          properties: {
            sub: { type: 'string' },
            role: { type: 'string' },
            region: { type: 'string' },
            force: { type: 'string' },
          },
        },
        what: {
          type: 'object',
          properties: {
            data: { type: 'string', description: 'What kind of person-level data was read' },
            route: { type: 'string', description: 'e.g. `GET /api/v1/lines/:id`' },
            path: { type: 'string' },
            resourceIds: strings,
            subjectRefs: {
              ...strings,
              description:
                'Person references, deal numbers and hand-off subjects given out or searched for',
            },
          },
        },
        purpose: { type: 'string' },
        correlationId: { type: 'string' },
        export: {
          type: ['object', 'null'],
          properties: { kind: { type: 'string' }, rows: { type: ['integer', 'null'] } },
        },
      },
    },
  };
}

export function accessLogPaths(): Record<string, object> {
  return {
    '/api/v1/access-log': {
      get: {
        summary: 'Who read person-level data, when, what and why, newest first (nclcc only)',
        description:
          'Every read of person-level data and every export is logged before the data is sent; a read whose entry cannot be written is answered 503 and discloses nothing. Reading this log is itself logged. The cursor is opaque and stable while new entries arrive.',
        parameters: [
          PURPOSE_PARAM,
          { name: 'subjectRef', in: 'query', schema: { type: 'string' } },
          { name: 'sub', in: 'query', schema: { type: 'string' } },
          ...pageParams,
        ],
        responses: {
          '200': pageOf(ref('AccessLogEntry')),
          ...errors,
          '400': purposeRequired,
        },
      },
    },
  };
}
