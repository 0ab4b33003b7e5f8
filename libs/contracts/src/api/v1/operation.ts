import { FORCE_CODES } from '@intensify/reference-data';
import { FieldError, Validated, checkSchema } from '../../validation';

export type OperationStatus = 'planned' | 'active' | 'closed';

export interface Operation {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  status: OperationStatus;
  focusForces: string[];
}

export interface CreateOperation {
  name: string;
  startsAt: string;
  endsAt: string;
  focusForces: string[];
}

export const CREATE_OPERATION_SCHEMA = {
  $id: 'create-operation.v1',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'startsAt', 'endsAt'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
    focusForces: {
      type: 'array',
      uniqueItems: true,
      maxItems: FORCE_CODES.length,
      items: { type: 'string', enum: FORCE_CODES },
    },
  },
} as const;

export function validateCreateOperation(body: unknown): Validated<CreateOperation> {
  const errors: FieldError[] = checkSchema(CREATE_OPERATION_SCHEMA, body);
  if (errors.length) return { ok: false, errors };
  const raw = body as CreateOperation;
  const startsAt = new Date(raw.startsAt);
  const endsAt = new Date(raw.endsAt);
  const order = checkWeekDates(startsAt, endsAt);
  if (order.length) return { ok: false, errors: order };
  return {
    ok: true,
    value: {
      name: raw.name.trim(),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      focusForces: raw.focusForces ?? [],
    },
  };
}

/** A week ends after it starts: the one rule for creating and editing a week's dates. */
export function checkWeekDates(startsAt: Date, endsAt: Date): FieldError[] {
  return endsAt <= startsAt ? [{ field: 'endsAt', message: 'must be after startsAt' }] : [];
}

/** An edit of a planned week: any of its name and dates, at least one. */
export type UpdateOperation = Partial<Pick<CreateOperation, 'name' | 'startsAt' | 'endsAt'>>;

const { name, startsAt, endsAt } = CREATE_OPERATION_SCHEMA.properties;

export const UPDATE_OPERATION_SCHEMA = {
  $id: 'update-operation.v1',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name, startsAt, endsAt },
} as const;

/**
 * The fields as create checks them, normalised the same way; whether the end still follows the
 * start depends on the week's other date, so the owner checks that with `checkWeekDates`.
 */
export function validateUpdateOperation(body: unknown): Validated<UpdateOperation> {
  const errors: FieldError[] = checkSchema(UPDATE_OPERATION_SCHEMA, body);
  if (errors.length) return { ok: false, errors };
  const raw = body as UpdateOperation;
  const value: UpdateOperation = {};
  if (raw.name !== undefined) value.name = raw.name.trim();
  if (raw.startsAt !== undefined) value.startsAt = new Date(raw.startsAt).toISOString();
  if (raw.endsAt !== undefined) value.endsAt = new Date(raw.endsAt).toISOString();
  if (value.startsAt && value.endsAt) {
    const order = checkWeekDates(new Date(value.startsAt), new Date(value.endsAt));
    if (order.length) return { ok: false, errors: order };
  }
  return { ok: true, value };
}

/** `closedAt` wins; otherwise the week is active from its start, results arriving after its end. */
export function operationStatus(startsAt: Date, closedAt: Date | null, now: Date): OperationStatus {
  if (closedAt) return 'closed';
  return now < startsAt ? 'planned' : 'active';
}
