import { FORCE_CODES } from '@intensify/reference-data';

export const OPERATION_CREATED = { type: 'operation.created', version: 1 } as const;
export const OPERATION_CLOSED = { type: 'operation.closed', version: 1 } as const;
export const OPERATION_REOPENED = { type: 'operation.reopened', version: 1 } as const;
export const OPERATION_UPDATED = { type: 'operation.updated', version: 1 } as const;

export interface OperationCreatedV1 {
  operationId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  focusForces: string[];
}

/** A planned week's name and dates as edited: the whole of them, so a copy changes nothing. */
export type OperationUpdatedV1 = Omit<OperationCreatedV1, 'focusForces'>;

/** The week's figures are final from `closedAt`. */
export interface OperationClosedV1 {
  operationId: string;
  closedAt: string;
}

/** Late corrections: the week is provisional again until closed once more. */
export interface OperationReopenedV1 {
  operationId: string;
  reason: string;
}

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

export const OPERATION_CREATED_V1_SCHEMA = {
  $id: 'operation.created.v1',
  type: 'object',
  additionalProperties: false,
  required: ['operationId', 'name', 'startsAt', 'endsAt', 'focusForces'],
  properties: {
    operationId: uuid,
    name: { type: 'string' },
    startsAt: dateTime,
    endsAt: dateTime,
    focusForces: { type: 'array', items: { type: 'string', enum: FORCE_CODES } },
  },
} as const;

export const OPERATION_CLOSED_V1_SCHEMA = {
  $id: 'operation.closed.v1',
  type: 'object',
  additionalProperties: false,
  required: ['operationId', 'closedAt'],
  properties: { operationId: uuid, closedAt: dateTime },
} as const;

export const OPERATION_REOPENED_V1_SCHEMA = {
  $id: 'operation.reopened.v1',
  type: 'object',
  additionalProperties: false,
  required: ['operationId', 'reason'],
  properties: { operationId: uuid, reason: { type: 'string', minLength: 1 } },
} as const;

export const OPERATION_UPDATED_V1_SCHEMA = {
  $id: 'operation.updated.v1',
  type: 'object',
  additionalProperties: false,
  required: ['operationId', 'name', 'startsAt', 'endsAt'],
  properties: {
    operationId: uuid,
    name: { type: 'string' },
    startsAt: dateTime,
    endsAt: dateTime,
  },
} as const;
