import { FORCE_CODES, forcesInRegion, regionOfForce, RegionCode } from '@intensify/reference-data';
import { Principal } from './principal';

/**
 * The one place that decides who may do what. Handlers ask `may(...)`; nothing else
 * compares roles, regions or forces.
 */
export type Action =
  | 'operation.create'
  | 'operation.update'
  | 'operation.close'
  | 'operation.reopen'
  | 'operation.read'
  | 'outcome.write'
  | 'outcome.read'
  | 'audit.read'
  | 'board.read'
  | 'tasking.issue'
  | 'tasking.respond'
  | 'tasking.manage'
  | 'tasking.read'
  | 'line.read'
  | 'line.write'
  | 'line.return'
  | 'focus.set'
  | 'intelligence.audit'
  | 'deconfliction.act'
  | 'deconfliction.hand'
  | 'ddtro.apply-replacements'
  | 'handoff.raise'
  | 'handoff.act'
  | 'handoff.read'
  | 'safeguarding.audit'
  | 'baseline.write'
  | 'baseline.read'
  | 'inbox.read';

export interface Target {
  /** The force an outcome is for, when the action concerns one force. */
  force?: string;
  /** Who issued the tasking, when the action concerns one (only its issuer may manage it). */
  issuerSub?: string;
  /** The forces a county line concerns (recording, exporting and importing forces). */
  forces?: string[];
  /** The region whose figures a read asks for in detail; the region an alert is handed to. */
  region?: string;
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

/** Taskings come from the NCLCC for any force, or from a region for its own forces. */
const issueForForce: Rule = (p, t) =>
  p.role === 'nclcc' || (p.role === 'regional' && !!t.force && regionOfForce(t.force) === p.region);

/** Cancel and reassign: the NCLCC, or whoever issued the tasking while still in their scope. */
const manageTasking: Rule = (p, t) =>
  p.role === 'nclcc' || (t.issuerSub === p.sub && issueForForce(p, t));

const readForForce: Rule = (p, t) => {
  const forces = readableForces(p);
  return !forces || (!!t.force && forces.includes(t.force));
};

/** Everyone reads national figures; a force's or a region's detail only within its read scope. */
const readFigures: Rule = (p, t) => {
  const scope = readScope(p);
  if (t.force && scope.forces && !scope.forces.includes(t.force)) return false;
  if (t.region && scope.regions && !scope.regions.includes(t.region)) return false;
  return true;
};

/** A line is readable when one of its forces is: a region's forces, a force itself, all for national roles. */
const readLine: Rule = (p, t) => {
  const forces = readableForces(p);
  return !forces || (t.forces ?? []).some((f) => forces.includes(f));
};

/** A line may be changed by whoever may report for one of its forces (commanders never). */
const writeLine: Rule = (p, t) => (t.forces ?? []).some((force) => writeForForce(p, { force }));

/**
 * A hand-off is read by whoever's scope covers its found or home force (`forces`); commanders
 * see hand-offs only as counts on the board, never one by one.
 */
const readHandoff: Rule = (p, t) => p.role !== 'commander' && readLine(p, t);

/** Acknowledge and resolve: the NCLCC any alert, a region's coordinator those handed to it. */
const actOnAlert: Rule = (p, t) =>
  p.role === 'nclcc' || (p.role === 'regional' && !!t.region && t.region === p.region);

const POLICY: Record<Action, Rule> = {
  'operation.create': nationalOnly,
  'operation.update': nationalOnly,
  'operation.close': nationalOnly,
  'operation.reopen': nationalOnly,
  'operation.read': everyone,
  'outcome.write': writeForForce,
  'outcome.read': readFigures,
  'audit.read': nationalOnly,
  'board.read': readFigures,
  'tasking.issue': issueForForce,
  'tasking.respond': writeForForce,
  'tasking.manage': manageTasking,
  'tasking.read': readForForce,
  'line.read': readLine,
  'line.write': writeLine,
  'line.return': writeForForce,
  'focus.set': nationalOnly,
  'intelligence.audit': nationalOnly,
  'deconfliction.act': actOnAlert,
  'deconfliction.hand': nationalOnly,
  'ddtro.apply-replacements': nationalOnly,
  // Raised for the found force; acknowledged, redirected and closed for the home force.
  'handoff.raise': writeForForce,
  'handoff.act': writeForForce,
  'handoff.read': readHandoff,
  'safeguarding.audit': nationalOnly,
  // Business-as-usual weeks: reported like outcomes, read like the board's force figures.
  'baseline.write': writeForForce,
  'baseline.read': readFigures,
  // Each user's own notifications, addressed to their role and scope (see inbox-audience).
  'inbox.read': everyone,
};

export function may(principal: Principal, action: Action, target: Target = {}): boolean {
  return POLICY[action](principal, target);
}

/** Roles that may attempt an action at all, before the target is known (for early 403s). */
export function mayAttempt(principal: Principal, action: Action): boolean {
  switch (action) {
    case 'outcome.write':
    case 'tasking.respond':
    case 'line.write':
    case 'line.return':
    case 'baseline.write':
      return principal.role !== 'commander';
    case 'tasking.issue':
    case 'tasking.manage':
    case 'deconfliction.act':
      return principal.role === 'nclcc' || principal.role === 'regional';
    case 'tasking.read':
    case 'line.read':
    case 'baseline.read':
      return true;
    case 'handoff.raise':
    case 'handoff.act':
    case 'handoff.read':
      return principal.role !== 'commander';
    default:
      return may(principal, action);
  }
}

/**
 * What a principal may read in detail, beyond the national figures everyone sees. Least access:
 * a regional user or a commander limited to a region sees that region and its forces; a force
 * user sees its own force and no region (not even its own: the other forces there are not its
 * business); BTP has no region, so a BTP user sees BTP alone. `null` means everything.
 */
export interface ReadScope {
  forces: string[] | null;
  regions: string[] | null;
}

export function readScope(principal: Principal): ReadScope {
  if (principal.role === 'force') return { forces: [principal.force!], regions: [] };
  if ((principal.role === 'regional' || principal.role === 'commander') && principal.region)
    return {
      forces: forcesInRegion(principal.region as RegionCode),
      regions: [principal.region],
    };
  return { forces: null, regions: null };
}

/** The entries of a record keyed by force or region code that a scope lets through. */
export function withinScope<T>(
  byCode: Record<string, T>,
  codes: string[] | null,
): Record<string, T> {
  if (!codes) return byCode;
  return Object.fromEntries(Object.entries(byCode).filter(([code]) => codes.includes(code)));
}

/** Forces whose outcomes a principal may report for: what the reporting page offers. */
export function writableForces(principal: Principal): string[] {
  return FORCE_CODES.filter((force) => may(principal, 'outcome.write', { force }));
}

/** Forces whose individual records a principal may list; `null` means all. */
export function readableForces(principal: Principal): string[] | null {
  return readScope(principal).forces;
}
