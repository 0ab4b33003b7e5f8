import { Principal } from '@intensify/auth';
import { ProblemError } from '@intensify/problems';
import { FORCE_CODES, forcesInRegion, REGION_CODES, RegionCode } from '@intensify/reference-data';
import { authorize } from '../auth/forbid';

/** What a board read is limited to: one force, one region, or (both null) the nation. */
export interface BoardFilter {
  force: string | null;
  region: string | null;
  /** The forces to sum; null for every force. */
  forces: string[] | null;
}

/**
 * Reads `?force=` or `?region=` and checks it against the caller's read scope. Everyone sees
 * national figures (as on the board); a region or force beyond the scope is 403.
 */
export function boardFilter(p: Principal, query: Record<string, unknown>): BoardFilter {
  const errors = [];
  for (const [k, v] of Object.entries(query)) {
    if (k !== 'force' && k !== 'region')
      errors.push({ field: k, message: 'is not a known query parameter' });
    else if (typeof v !== 'string') errors.push({ field: k, message: 'must be given once' });
  }
  const force = (query.force as string | undefined) || null;
  const region = (query.region as string | undefined) || null;
  if (force && !FORCE_CODES.includes(force))
    errors.push({ field: 'force', message: 'must be a force code from GET /api/v1/forces' });
  if (region && !REGION_CODES.includes(region as RegionCode))
    errors.push({ field: 'region', message: 'must be a region code from GET /api/v1/regions' });
  if (force && region) errors.push({ field: 'region', message: 'give force or region, not both' });
  if (errors.length) throw ProblemError.validation(errors);

  if (force) authorize(p, 'board.read', { force });
  if (region) authorize(p, 'board.read', { region });
  return {
    force,
    region,
    forces: force ? [force] : region ? forcesInRegion(region as RegionCode) : null,
  };
}
