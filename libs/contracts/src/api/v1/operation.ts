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
  if (endsAt <= startsAt)
    return { ok: false, errors: [{ field: 'endsAt', message: 'must be after startsAt' }] };
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

/** `closedAt` wins; otherwise the week is active from its start, results arriving after its end. */
export function operationStatus(startsAt: Date, closedAt: Date | null, now: Date): OperationStatus {
  if (closedAt) return 'closed';
  return now < startsAt ? 'planned' : 'active';
}
