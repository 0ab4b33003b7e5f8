import { Role, ROLES } from '@intensify/contracts';
import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';

/** Who is calling, from verified token claims. */
export interface Principal {
  sub: string;
  role: Role;
  region?: string;
  force?: string;
}

/** Which token claims carry the role and its scope: providers name custom claims their own way. */
export interface ClaimNames {
  role: string;
  region: string;
  force: string;
}

export const DEFAULT_CLAIM_NAMES: ClaimNames = { role: 'role', region: 'region', force: 'force' };

/** Claims must name a known role and the scope that role requires; anything else is no principal. */
export function principalFromClaims(
  claims: Record<string, unknown>,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): Principal | null {
  const { sub } = claims;
  const [role, region, force] = [claims[names.role], claims[names.region], claims[names.force]];
  if (typeof sub !== 'string' || !sub) return null;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
  if (
    region !== undefined &&
    (typeof region !== 'string' || !REGION_CODES.includes(region as never))
  )
    return null;
  if (force !== undefined && (typeof force !== 'string' || !FORCE_CODES.includes(force)))
    return null;
  if (role === 'regional' && !region) return null;
  if (role === 'force' && !force) return null;
  return {
    sub,
    role: role as Role,
    ...(typeof region === 'string' && { region }),
    ...(typeof force === 'string' && { force }),
  };
}

/** The claims a token carries for a principal, under the configured names. */
export function claimsOfPrincipal(
  p: Principal,
  names: ClaimNames = DEFAULT_CLAIM_NAMES,
): Record<string, string> {
  return {
    [names.role]: p.role,
    ...(p.region && { [names.region]: p.region }),
    ...(p.force && { [names.force]: p.force }),
  };
}
