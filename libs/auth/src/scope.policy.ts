import { regionOfForce } from '@intensify/reference-data';
import { Principal } from './principal';

/**
 * The one place that decides who may do what. Handlers ask `may(...)`; nothing else
 * compares roles, regions or forces.
 */
export type Action =
  'operation.create' | 'operation.close' | 'operation.read' | 'outcome.write' | 'board.read';

export interface Target {
  /** The force an outcome is for, when the action concerns one force. */
  force?: string;
}

type Rule = (p: Principal, t: Target) => boolean;

const nationalOnly: Rule = (p) => p.role === 'nclcc';
const everyone: Rule = () => true;

const writeForForce: Rule = (p, t) => {
  if (!t.force) return false;
  switch (p.role) {
    case 'nclcc':
      return true;
    case 'regional':
      return regionOfForce(t.force) === p.region;
    case 'force':
      return t.force === p.force;
    default:
      return false;
  }
};

const POLICY: Record<Action, Rule> = {
  'operation.create': nationalOnly,
  'operation.close': nationalOnly,
  'operation.read': everyone,
  'outcome.write': writeForForce,
  'board.read': everyone,
};

export function may(principal: Principal, action: Action, target: Target = {}): boolean {
  return POLICY[action](principal, target);
}

/** Roles that may attempt an action at all, before the target is known (for early 403s). */
export function mayAttempt(principal: Principal, action: Action): boolean {
  if (action === 'outcome.write') return principal.role !== 'commander';
  return may(principal, action);
}

/** The region whose detail a principal may see on a board; `null` means every region. */
export function visibleRegion(principal: Principal): string | null {
  if (principal.role === 'regional' || principal.role === 'commander')
    return principal.region ?? null;
  if (principal.role === 'force') return regionOfForce(principal.force!) ?? null;
  return null;
}
