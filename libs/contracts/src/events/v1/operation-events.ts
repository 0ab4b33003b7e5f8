import { FORCE_CODES } from '@intensify/reference-data';

export const OPERATION_CREATED = { type: 'operation.created', version: 1 } as const;

export interface OperationCreatedV1 {
  operationId: string;
  name: string;
  startsAt: string;
  endsAt: string;
  focusForces: string[];
}

export const OPERATION_CREATED_V1_SCHEMA = {
  $id: 'operation.created.v1',
  type: 'object',
  additionalProperties: false,
  required: ['operationId', 'name', 'startsAt', 'endsAt', 'focusForces'],
  properties: {
    operationId: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    startsAt: { type: 'string', format: 'date-time' },
    endsAt: { type: 'string', format: 'date-time' },
    focusForces: { type: 'array', items: { type: 'string', enum: FORCE_CODES } },
  },
} as const;
