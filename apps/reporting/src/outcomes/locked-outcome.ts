import { EntityManager } from 'typeorm';
import { Actor, isUuid } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { OutcomeEntity } from './outcome.entity';

/**
 * The outcome, locked for the caller's transaction so that changes to one outcome queue up and
 * each sees the version before it. 404 if missing; 403 unless the actor may write for its force.
 */
export async function lockOutcomeInScope(
  m: EntityManager,
  id: string,
  actor: Actor,
): Promise<OutcomeEntity> {
  const row = isUuid(id)
    ? await m
        .getRepository(OutcomeEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!row) throw new ProblemError('not_found', `No outcome with id ${id}`);
  assertMayWrite(actor, row.force);
  return row;
}

export function assertMayWrite(actor: Actor, force: string): void {
  if (!may(actor, 'outcome.write', { force })) {
    throw new ProblemError(
      'forbidden_scope',
      `Role ${actor.role} may not write outcomes for force ${force}`,
    );
  }
}
