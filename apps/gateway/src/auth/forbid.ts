import { Action, may, mayAttempt, Principal, Target } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';

/** Throws 403 `forbidden_scope` unless the one scope policy allows the action. */
export function authorize(p: Principal, action: Action, target?: Target): void {
  const allowed = target ? may(p, action, target) : mayAttempt(p, action);
  if (!allowed) {
    const where = target?.force
      ? ` for force ${target.force}`
      : target?.region
        ? ` for region ${target.region}`
        : '';
    throw new ProblemError(
      'forbidden_scope',
      `Role ${p.role}${p.region ? ` (${p.region})` : ''}${p.force ? ` (${p.force})` : ''} may not ${action.replace('.', ' ')}${where}`,
    );
  }
}
