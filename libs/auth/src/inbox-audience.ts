import { regionOfForce } from '@intensify/reference-data';
import { Principal } from './principal';

/**
 * Notifications are addressed to audiences, not people: a force's users, a region's
 * coordinators, the NCLCC, commanders (of a region, national ones, or all). Each principal
 * belongs to the audiences its role and scope name; reading is then per user (`sub`).
 */
export const AUDIENCE = {
  nclcc: 'nclcc',
  force: (force: string) => `force:${force}`,
  region: (region: string) => `region:${region}`,
  /** Commanders of a region, or `national` ones (no region claim). */
  commanders: (region: string | 'national') => `commander:${region}`,
  allCommanders: 'commander:all',
  /** Not an audience: the key announcing that one user's read marks changed. */
  user: (sub: string) => `user:${sub}`,
} as const;

/** The audiences a principal reads: what its notifications were addressed to. */
export function inboxAudiences(p: Principal): string[] {
  switch (p.role) {
    case 'nclcc':
      return [AUDIENCE.nclcc];
    case 'regional':
      return [AUDIENCE.region(p.region!)];
    case 'force':
      return [AUDIENCE.force(p.force!)];
    case 'commander':
      return [AUDIENCE.allCommanders, AUDIENCE.commanders(p.region ?? 'national')];
  }
}

/** A force's users and, where it has one (not BTP), its region's coordinators. */
export function forceAudiences(force: string): string[] {
  const region = regionOfForce(force);
  return region ? [AUDIENCE.force(force), AUDIENCE.region(region)] : [AUDIENCE.force(force)];
}

/** Commanders who see an escalation at a force: its region's and the national ones. */
export function escalationCommanders(force: string): string[] {
  const region = regionOfForce(force);
  const national = AUDIENCE.commanders('national');
  return region ? [AUDIENCE.commanders(region), national] : [national];
}
