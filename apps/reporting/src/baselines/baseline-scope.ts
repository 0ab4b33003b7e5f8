import { Actor } from '@intensify/contracts';
import { may } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';

/** The gateway has asked the policy already; the owner asks again of what it stores. */
export function assertMayReportBaseline(actor: Actor, force: string): void {
  if (!may(actor, 'baseline.write', { force }))
    throw new ProblemError(
      'forbidden_scope',
      `Role ${actor.role} may not report baselines for force ${force}`,
    );
}
