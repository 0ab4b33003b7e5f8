import { OPERATION_REOPENED } from '../v1/operation-events';

/** Version 2 carries no reason: reporting keeps it with the week (erasable there). */
export const OPERATION_REOPENED_V2 = { type: OPERATION_REOPENED.type, version: 2 } as const;

export interface OperationReopenedV2 {
  operationId: string;
}

export const OPERATION_REOPENED_V2_SCHEMA = {
  $id: 'operation.reopened.v2',
  type: 'object',
  additionalProperties: false,
  required: ['operationId'],
  properties: { operationId: { type: 'string', format: 'uuid' } },
} as const;
