import { Role, ROLES } from '@intensify/contracts';
import { FORCE_CODES, REGION_CODES } from '@intensify/reference-data';

/** Who is calling, from verified token claims. */
export interface Principal {
  sub: string;
  role: Role;
  region?: string;
  force?: string;
}

/** Claims must name a known role and the scope that role requires; anything else is no principal. */
export function principalFromClaims(claims: Record<string, unknown>): Principal | null {
  const { sub, role, region, force } = claims;
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
