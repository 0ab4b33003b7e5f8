/** Building blocks of the OpenAPI document, shared by its parts. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

export const errors = {
  '400': problemResponse('Validation failed; `errors` names every bad field'),
  '401': problemResponse('No valid bearer token'),
  '403': problemResponse('`forbidden_scope`: the role or scope does not allow this'),
};

export const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const pageParams = [
  { name: 'cursor', in: 'query', schema: { type: 'string' } },
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
];
export const pageOf = (item: object) =>
  json({
    type: 'object',
    properties: { items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } },
  });
export const idParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
});
