import { Operation, operationStatus } from '@intensify/contracts';
import { OperationEntity } from './operation.entity';

export function toOperation(e: OperationEntity, now: Date = new Date()): Operation {
  return {
    id: e.id,
    name: e.name,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    status: operationStatus(e.startsAt, e.closedAt, now),
    focusForces: e.focusForces,
  };
}
