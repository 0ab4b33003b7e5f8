import { str } from './schema-scalars';

export * from './schema-scalars';

/** Small builders for response schemas: what a success answer always holds is `required`. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const forceCode = ref('ForceCode');
export const regionCode = ref('RegionCode');

export const array = (items: object) => ({ type: 'array', items });
export const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
export const enumOf = (values: readonly string[]) => ({ type: 'string', enum: values });

/**
 * An object whose properties are all always present except those named `optional`; `closed`
 * when the contract gives its full shape (no other key may appear).
 */
export function object(
  properties: Record<string, object>,
  opts: { optional?: string[]; closed?: boolean; description?: string } = {},
): object {
  const optional = new Set(opts.optional ?? []);
  return {
    type: 'object',
    ...(opts.description && { description: opts.description }),
    required: Object.keys(properties).filter((k) => !optional.has(k)),
    properties,
    ...(opts.closed && { additionalProperties: false }),
  };
}

/** A map keyed by codes (forces, regions, drugs), every value of one schema. */
export const mapOf = (value: object, description?: string) => ({
  type: 'object',
  ...(description && { description }),
  additionalProperties: value,
});

export const page = (item: object) => object({ items: array(item), nextCursor: nullable(str) });

/** The schema the code validates with, as a component: Ajv's own `$id` left out. */
export function component(schema: object): object {
  const { $id: _id, ...rest } = schema as Record<string, unknown>;
  return rest;
}
