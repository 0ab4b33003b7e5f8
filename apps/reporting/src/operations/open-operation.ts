import { EntityManager } from 'typeorm';
import { isUuid } from '@intensify/contracts';
import { ProblemError } from '@intensify/problems';
import { OperationEntity } from './operation.entity';

export function operationNotFound(id: string): ProblemError {
  return new ProblemError('not_found', `No operation with id ${id}`);
}

/**
 * The operation, share-locked for the caller's transaction so that closing it waits for writes
 * in flight: no write commits after a close. 404 if missing, 409 `operation_closed` if closed.
 */
export async function lockOpenOperation(m: EntityManager, id: string): Promise<OperationEntity> {
  const op = await lockOperation(m, id, 'pessimistic_read');
  if (op.closedAt)
    throw new ProblemError(
      'operation_closed',
      `Operation ${op.id} is closed; its figures are final`,
    );
  return op;
}

/** The operation under a share (read) or exclusive (write) row lock; 404 if missing. */
export async function lockOperation(
  m: EntityManager,
  id: string,
  mode: 'pessimistic_read' | 'pessimistic_write',
): Promise<OperationEntity> {
  const op = isUuid(id)
    ? await m.getRepository(OperationEntity).findOne({ where: { id }, lock: { mode } })
    : null;
  if (!op) throw operationNotFound(id);
  return op;
}
