import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface FieldError {
  /** Dotted path of the field at fault (`drugs.0.grams`); `body` for the body as a whole. */
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const ajv = new Ajv({
  allErrors: true,
  allowUnionTypes: true,
  strict: true,
  strictRequired: false,
  discriminator: true,
});
addFormats(ajv, ['date-time', 'uuid']);

const compiled = new Map<object, ValidateFunction>();

/** Compiles once per schema object; schemas are module constants so the cache stays small. */
export function compile(schema: object): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export function checkSchema(schema: object, value: unknown): FieldError[] {
  const validate = compile(schema);
  return validate(value) ? [] : toFieldErrors(validate.errors ?? []);
}

export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    // An `if` failure only repeats the `then` errors reported beside it.
    if (e.keyword === 'if') continue;
    const fe = toFieldError(e);
    const key = `${fe.field}\u0000${fe.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(fe);
    }
  }
  return out;
}

function toFieldError(e: ErrorObject): FieldError {
  const base = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case 'required':
      return { field: join(base, e.params.missingProperty), message: 'is required' };
    case 'additionalProperties':
      return { field: join(base, e.params.additionalProperty), message: 'is not a known field' };
    case 'enum': {
      const allowed = e.params.allowedValues as unknown[];
      // Code lists (44 forces) are too long to repeat; the reference data endpoints list them.
      const message =
        allowed.length > 12
          ? 'must be a known code (see GET /api/v1/forces and /api/v1/regions)'
          : `must be one of: ${allowed.join(', ')}`;
      return { field: base || 'body', message };
    }
    case 'format':
      return {
        field: base || 'body',
        message:
          e.params.format === 'date-time'
            ? 'must be an ISO 8601 date-time with offset'
            : `must be a valid ${e.params.format}`,
      };
    default:
      return { field: base || 'body', message: e.message ?? 'is invalid' };
  }
}

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(base: string, prop: string): string {
  return base ? `${base}.${prop}` : prop;
}

/**
 * Query parameters against a schema of string properties: known names only, each given once;
 * empty values count as not given.
 */
export function validateQueryParams<T>(
  schema: object,
  query: Record<string, unknown>,
): Validated<T> {
  const given = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  const repeated = Object.keys(given).filter((k) => typeof given[k] !== 'string');
  if (repeated.length)
    return {
      ok: false,
      errors: repeated.map((field) => ({ field, message: 'must be given once' })),
    };
  const errors = checkSchema(schema, given).map((e) =>
    e.message === 'is not a known field' ? { ...e, message: 'is not a known query parameter' } : e,
  );
  return errors.length ? { ok: false, errors } : { ok: true, value: given as T };
}
